// The engine's Terraform step: `.tf` files are not YAML and a folder of them is one module, so
// they are not part of the per-file work (workers, cache); after it, the run's Terraform inputs
// are built together (src/formats/terraform/) and their Models and file-scoped reports join the
// others. The HCL parser is loaded only when a run has a `.tf` file.
import type { Source } from '../source/source.js';
import type { Rule } from './rule.js';
import { isTerraformInput } from '../formats/terraform/paths.js';
import type { Model } from '../model/model.js';
import { isStorage } from '../model/model.js';
import type { LintOptions, Report } from '../types.js';
import type { Prebuilt } from './build.js';
import { fileRuleSetting } from './build.js';

export { isTerraformInput };

/** The Terraform format, imported on the first run that has a .tf file (a YAML-only run never evaluates it). */
let format: typeof import('../formats/terraform/index.js') | undefined;

/** Load the Terraform format and the HCL parser (idempotent). */
export async function loadTerraform(): Promise<void> {
  format ??= await import('../formats/terraform/index.js');
  await format.loadHcl();
}

/** Load them when the run has Terraform inputs. */
export async function loadTerraformIfNeeded(sources: Source[]): Promise<void> {
  if (sources.some((s) => isTerraformInput(s.path))) await loadTerraform();
}

/** Build the Terraform inputs' Models into `prebuilt` and run the file-scoped ones of `rules` on them. */
export function addTerraform(
  sources: Source[],
  options: LintOptions,
  prebuilt: Prebuilt,
  rules: readonly Rule[],
): void {
  const tf = sources.filter((s) => isTerraformInput(s.path));
  if (!tf.length) return;
  if (!format) {
    // a synchronous lint that nobody prepared with loadTerraform()
    for (const s of tf)
      s.syntax = [
        ...s.syntax,
        {
          start: 0,
          end: 0,
          message:
            'the Terraform format was not loaded, so this file was not read; lint it through lint() or the command line',
        },
      ];
    return;
  }
  const { models, syntax } = format.buildTerraform(tf.map((s) => ({ path: s.path, text: s.text })));
  const model: Model = { files: [], functions: [], triggers: [], storageTriggers: [] };
  for (const s of tf) {
    const files = models.get(s.path) ?? [];
    prebuilt.models.set(s.path, { format: files[0]?.format ?? null, files });
    const errs = syntax.get(s.path);
    if (errs) s.syntax = [...s.syntax, ...errs];
    for (const fm of files) {
      model.files.push(fm);
      model.functions.push(...fm.functions);
      model.triggers.push(...fm.triggers);
      model.storageTriggers.push(...fm.triggers.filter(isStorage));
    }
  }
  for (const rule of rules) {
    if (rule.scope !== 'file' || !rule.check) continue;
    const list: Report[] = [];
    rule.check({
      model,
      sources: tf,
      options,
      report: (r) => {
        if (fileRuleSetting(rule, options, r.at.file) !== 'off') list.push(r);
      },
    });
    if (!list.length) continue;
    const all = prebuilt.reports.get(rule.id) ?? prebuilt.reports.set(rule.id, []).get(rule.id)!;
    all.push(...list);
  }
}
