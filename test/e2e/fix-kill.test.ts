// `--fix` under SIGKILL: the real CLI fixes a large file (hundreds of leading-slash prefixes)
// reached through a symlink, and is killed with SIGKILL at random moments, many times. After
// every kill the user's file holds exactly the old bytes or exactly the new ones — never empty,
// truncated or mixed — its mode is unchanged, and the symlink is still the same symlink; the
// temporary files of killed runs are gone after the next run.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN } from './run.js';
import { makeRng } from '../../scripts/fuzz/rng.js';

const FUNCTIONS = 120;
const KILLS = 24;
const MODE = 0o640;

function bigFixable(): string {
  const lines = ['edition: 3.0.0', 'name: app', 'resources:'];
  for (let f = 0; f < FUNCTIONS; f++) {
    lines.push(
      `  f${f}:`,
      '    component: fc3',
      '    props:',
      '      region: cn-hangzhou',
      `      functionName: f${f}`,
      '      runtime: nodejs18',
      '      handler: index.handler',
      '      code: ./code',
      '      triggers:',
    );
    for (let t = 0; t < 5; t++) {
      lines.push(
        `        - triggerName: t${t}`,
        '          triggerType: oss',
        `          sourceArn: acs:oss:cn-hangzhou:123:b-${f}-${t}`,
        '          triggerConfig:',
        '            events: [oss:ObjectCreated:PutObject]',
        '            filter:',
        '              key:',
        '                prefix: /src/  # fixed to src/',
        '                suffix: .png',
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** Run `trigger-lint --fix s.yaml`; kill it with SIGKILL after `killAfter` ms (never, when undefined). */
function fix(
  cwd: string,
  killAfter?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, '--fix', 's.yaml'], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0 });
    });
  });
}

describe('--fix killed with SIGKILL', () => {
  it(`leaves the old or the new bytes, the mode and the symlink, at ${KILLS} random moments`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-fix-kill-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'triggers.yaml');
    const link = join(dir, 's.yaml');
    symlinkSync(join('real', 'triggers.yaml'), link);
    const before = Buffer.from(bigFixable());
    const reset = () => {
      writeFileSync(target, before);
      chmodSync(target, MODE);
    };

    // a run to the end: the new bytes, through the link, with mode and link kept, no temporary file left
    reset();
    const full = await fix(dir);
    expect(full.code).toBe(0);
    const after = readFileSync(target);
    expect(after.equals(before)).toBe(false);
    expect(after.toString()).toBe(before.toString().replace(/prefix: \/src\//g, 'prefix: src/'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('real', 'triggers.yaml'));
    expect(statSync(target).mode & 0o7777).toBe(MODE);
    expect(readdirSync(join(dir, 'real'))).toEqual(['triggers.yaml']);

    // kills: half spread over the whole run, half around the moment the file changes
    const rng = makeRng(17);
    const span = Math.max(50, Math.round(full.ms * 1.2));
    const outcomes: { at: number; was: 'old' | 'new' }[] = [];
    for (let k = 0; k < KILLS; k++) {
      let at = rng.int(0, span);
      const lastOld = Math.max(-1, ...outcomes.filter((o) => o.was === 'old').map((o) => o.at));
      const firstNew = Math.min(Infinity, ...outcomes.filter((o) => o.was === 'new').map((o) => o.at));
      if (k >= KILLS / 2 && lastOld >= 0 && firstNew < Infinity)
        at = rng.int(Math.max(0, Math.min(lastOld, firstNew) - 20), Math.max(lastOld, firstNew) + 20);
      reset();
      await fix(dir, at);
      const now = readFileSync(target);
      const was = now.equals(before) ? 'old' : now.equals(after) ? 'new' : undefined;
      expect(
        was,
        `killed after ${at} ms: the file is neither the old nor the new bytes (${now.length} bytes; old ${before.length}, new ${after.length})`,
      ).toBeDefined();
      outcomes.push({ at, was: was! });
      expect(lstatSync(link).isSymbolicLink(), `killed after ${at} ms: s.yaml is no longer a symlink`).toBe(true);
      expect(readlinkSync(link)).toBe(join('real', 'triggers.yaml'));
      expect(statSync(target).mode & 0o7777, `killed after ${at} ms: mode changed`).toBe(MODE);
    }
    // a kill between the temporary file's creation and the rename leaves it behind; the next
    // run that writes the file removes it
    const left = readdirSync(join(dir, 'real')).filter((n) => n !== 'triggers.yaml');
    reset();
    expect((await fix(dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'real')), `temporary files left after a full run (${left.length} before it)`).toEqual([
      'triggers.yaml',
    ]);
    const olds = outcomes.filter((o) => o.was === 'old').length;
    console.log(
      `fix-kill: full run ${full.ms.toFixed(0)} ms; ${KILLS} kills: ${olds} left the old bytes, ${KILLS - olds} the new; ${left.length} temporary files left by kills, removed by the next run`,
    );
  }, 180_000);
});
