// The files the fuzz harness mutates: every real config copied into test/corpus/configs, every
// fixture under fixtures/ (a case folder of several files is one seed, linted together), and
// every reproducer the harness has found before (test/fuzz/regressions/<case>/).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Input } from '../../src/index.js';

export interface Seed {
  name: string;
  files: Input[];
}

const isConfig = (name: string) => !/\.(md|json|out)$/.test(name);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

export function loadSeeds(root: string): Seed[] {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const read = (p: string): Input => ({ path: rel(p), text: readFileSync(p, 'utf8') });
  const seeds: Seed[] = [];
  for (const p of walk(join(root, 'test', 'corpus', 'configs'))) {
    if (isConfig(p)) seeds.push({ name: rel(p), files: [read(p)] });
  }
  const groups = (dir: string, keep: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const sub of readdirSync(dir).sort()) {
      const d = join(dir, sub);
      if (!statSync(d).isDirectory()) continue;
      for (const entry of readdirSync(d).sort()) {
        const p = join(d, entry);
        if (statSync(p).isDirectory()) {
          const files = walk(p)
            .filter((f) => keep(f))
            .map(read);
          if (files.length) seeds.push({ name: rel(p), files });
        } else if (keep(entry)) seeds.push({ name: rel(p), files: [read(p)] });
      }
    }
  };
  groups(join(root, 'fixtures'), (n) => /\.ya?ml$/.test(n));
  const regressions = join(root, 'test', 'fuzz', 'regressions');
  if (existsSync(regressions)) {
    for (const c of readdirSync(regressions).sort()) {
      const d = join(regressions, c);
      if (!statSync(d).isDirectory()) continue;
      const files = walk(d)
        .filter((f) => !/(problem\.txt|inputs\.json)$/.test(f))
        .map(read);
      if (files.length) seeds.push({ name: rel(d), files });
    }
  }
  return seeds;
}
