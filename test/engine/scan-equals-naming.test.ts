// A directory scan and naming every file give the same findings (issue #30, "Done when"): every
// real trigger file of test/corpus/configs/ (copied under its corpus name, which is not a name a
// scan knows — `…__s.yaml`, `…__template.yml` — so each is found by content, as naming detects
// it), plus real-shapes/ (s-no-env.yaml, a SAM template without Transform), a symlinked file
// inside the project (followed) and one pointing outside it (not followed), and a symlinked
// folder that loops back (searched once).
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lint } from '../../src/index.js';
import { expandPaths } from '../../src/engine/files.js';
import type { Result } from '../../src/types.js';
import { CORPUS } from '../helpers.js';

let root: string;
let outside: string;
const named: string[] = [];

function findingsOf(r: Result): string[] {
  return r.files
    .flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId}: ${x.message}`))
    .sort();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tl-scan-'));
  outside = mkdtempSync(join(tmpdir(), 'tl-outside-'));
  mkdirSync(join(root, '.git'));
  const configs = join(CORPUS, 'configs');
  for (const folder of readdirSync(configs, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === '_reference') continue;
    mkdirSync(join(root, 'corpus', folder.name), { recursive: true });
    for (const entry of readdirSync(join(configs, folder.name), { withFileTypes: true })) {
      // Terraform modules are folders of their own (test/corpus/terraform.test.ts lints them)
      if (!entry.isFile()) continue;
      const name = entry.name;
      // `name.yml@1771e39e` (taken from an older commit) keeps its extension last
      const as = name.replace(/^(.*?)(\.ya?ml)@([0-9a-f]+)$/, '$1@$3$2');
      cpSync(join(configs, folder.name, name), join(root, 'corpus', folder.name, as));
      named.push(join('corpus', folder.name, as));
    }
  }
  // a trigger file reached through a symlink inside the project, and one through a link out of it
  mkdirSync(join(root, 'shared'));
  writeFileSync(
    join(root, 'shared', 'triggers.yaml'),
    'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: linked\n      triggers:\n        - triggerName: up\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:123:linked-bucket\n          triggerConfig:\n            events: [oss:ObjectCreated:*]\n            filter: {key: {prefix: /in/, suffix: ""}}\n',
  );
  mkdirSync(join(root, 'app'));
  symlinkSync(join('..', 'shared', 'triggers.yaml'), join(root, 'app', 's.yaml'));
  named.push(join('shared', 'triggers.yaml'));
  writeFileSync(
    join(outside, 's.yaml'),
    'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props:\n      functionName: outside\n      triggers:\n        - triggerName: t\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:123:b\n          triggerConfig: {events: [oss:ObjectCreated:*], filter: {key: {prefix: /x/}}}\n',
  );
  symlinkSync(join(outside, 's.yaml'), join(root, 'app', 'outside.yaml'));
  mkdirSync(join(root, 'app', 'sub'));
  symlinkSync('..', join(root, 'app', 'sub', 'up')); // app/sub/up → app: a loop
});

describe('a directory scan finds what naming finds', () => {
  it('every real trigger file, under any *.yml / *.yaml name, gives the same findings scanned or named', async () => {
    const byName = await lint(named, { cwd: root, env: {} });
    const recognised = byName.files.map((f) => f.path).sort();
    // naming detects each corpus file but the two the Tencent corpus spec says are not trigger
    // files (transcode-app's registry template and its project root file) …
    expect(byName.unrecognized).toEqual([
      'corpus/tencent-scf/serverless-components__tencent-examples__transcode-app__serverless.template.yml',
      'corpus/tencent-scf/serverless-components__tencent-examples__transcode-app__src__serverless.yml',
    ]);
    const scanned = await lint(['.'], { cwd: root, env: {} });
    // … and the scan finds exactly those files and says exactly the same about them
    expect(scanned.files.map((f) => f.path).sort()).toEqual(
      recognised.map((p) => (p === 'shared/triggers.yaml' ? 'app/s.yaml' : p)).sort(),
    );
    const swap = (s: string) => s.replace(/^app\/s\.yaml:/, 'shared/triggers.yaml:');
    expect(findingsOf(scanned).map(swap).sort()).toEqual(findingsOf(byName));
    expect(findingsOf(byName).length).toBeGreaterThan(10);
  });

  it('finds the shapes issue #30 names: s-no-env.yaml (legacy fc, component ${path(../..)}), a SAM template without Transform', () => {
    const found = expandPaths([join(root, 'corpus', 'real-shapes')], root).map((e) => relative(root, e.abs));
    expect(found).toEqual([
      'corpus/real-shapes/aliyun__ros-templates__compute-nest-best-practice__fc__template.yml',
      'corpus/real-shapes/aliyun__ros-templates__documents__solution__internet-application-development__video-website-solution.yml',
      'corpus/real-shapes/aws-samples__serverless-patterns__eventbridge-schedule-to-lambda-sam-go__template.yaml',
      'corpus/real-shapes/aws__serverless-application-model__examples__2016-10-31__eventbridge-event-to-msteams__template.yaml',
      'corpus/real-shapes/aws__serverless-application-model__examples__2016-10-31__sqs__template.yaml',
      'corpus/real-shapes/aws__serverless-application-model__examples__2016-10-31__stream_processor__template.yaml',
      'corpus/real-shapes/aws__serverless-application-model__tests__translator__input__s3_intrinsics.yaml',
      'corpus/real-shapes/devsapp__fc__examples__multi-envs__s-no-env.yaml',
      'corpus/real-shapes/serverless-components__tencent-multi-scf__example__serverless.yml',
      'corpus/real-shapes/serverless__examples__aws-golang-s3-file-replicator__serverless.yml',
      'corpus/real-shapes/serverless__examples__aws-node-typescript-kinesis__serverless.yml',
      'corpus/real-shapes/serverless__examples__aws-node-typescript-sqs-standard__serverless.yml',
      'corpus/real-shapes/serverless__examples__aws-node-upload-to-s3-and-postprocess__serverless.yml',
    ]);
  });

  it('follows a symlink whose target stays inside the project, once; never one that leaves it; a looping folder link ends', () => {
    const found = expandPaths([join(root, 'app')], root).map((e) => e.display);
    expect(found).toEqual(['app/s.yaml']);
    // a link and its target are one file: linted once
    expect(expandPaths([join(root, 'app'), join(root, 'shared')], root).map((e) => e.display)).toEqual(['app/s.yaml']);
  });
});
