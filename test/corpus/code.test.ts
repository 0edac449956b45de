// Real handler code (test/corpus/code/, sources in its SOURCES.md): each trigger file is linted
// with the code it names, and the findings are the ones a reviewer agrees with. The devsapp
// template is also rendered in memory the way `s init` would (its publish.yaml defaults, then a
// choice that makes it loop), so the code's own writes decide.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintTexts, only, ROOT, CORPUS } from '../helpers.js';

beforeAll(loadParsers);

const dir = (name: string) => relative(ROOT, join(CORPUS, 'code', name)).split('\\').join('/');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function recursion(path: string, text = read(path), code = true) {
  const result = lintTexts({ [path]: text }, { ...only('recursive-trigger'), ...(code ? {} : { code: false }) });
  return result.files.flatMap((f) => f.findings.map((x) => ({ line: x.line, severity: x.severity, message: x.message, related: (x.related ?? []).map((r) => `${r.path}:${r.line}`) })));
}

describe('devsapp/start-unzip-oss (fc3 template, oss2 handler)', () => {
  const yaml = `${dir('devsapp__start-unzip-oss')}/src/s.yaml`;
  const code = `${dir('devsapp__start-unzip-oss')}/src/code/index.py`;

  it('as published: the output directory is an unrendered placeholder, a warning', () => {
    const got = recursion(yaml);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ line: 26, severity: 'warning' });
    expect(got[0].message).toContain('environment variable PROCESSED_DIR; its value is an unrendered template placeholder');
  });

  it('rendered with its publish.yaml defaults (prefix src/, processedDir dst/): the unzipped files land outside the trigger', () => {
    const text = read(yaml).replace('{{ prefix }}', 'src/').replace('{{ processedDir }}', 'dst/').replace('{{ bucketName }}', 'zips').replace('{{ retainFileName }}', 'true');
    expect(recursion(yaml, text)).toEqual([]);
  });

  it('rendered with processedDir inside the prefix: the code unzips under "src/unzipped/", and only the entries that are .zip files fire the ".zip" trigger again: a warning', () => {
    const render = (t: string) => t.replace('{{ prefix }}', 'src/').replace('{{ processedDir }}', 'src/unzipped/').replace('{{ bucketName }}', 'zips').replace('{{ retainFileName }}', 'true');
    const got = recursion(yaml, render(read(yaml)));
    // the code's write (prefix "src/unzipped/", the archive's entry names after it) replaces the
    // guess from the variable's name; its keys end in ".zip" only for a zip inside the zip (#26)
    expect(got.map((f) => [f.line, f.severity])).toEqual([[26, 'warning']]);
    expect(got[0].message).toContain('under "src/unzipped/"');
    // renamed to a variable that is no output word, only the code says where it writes
    const renamed = render(read(yaml)).replace('PROCESSED_DIR:', 'UNZIP_TO:');
    expect(recursion(yaml, renamed, false)).toEqual([]); // the config alone: nothing
    // the code reads PROCESSED_DIR, now unset (''): it unzips under keys built from the zip's
    // name and the archive's entries, which trigger-lint cannot resolve — a warning at the write
    const got2 = recursion(yaml, renamed);
    expect(got2.map((f) => [f.line, f.severity])).toEqual([[26, 'warning']]);
    expect(got2[0].message).toContain(`(${code}:149 bucket.put_object_from_file)`);
    expect(got2[0].related).toEqual([`${code}:149`]);
  });
});

describe('aws/serverless-application-model examples', () => {
  // issue #30 point 1 (verdicts: test/corpus/configs/real-shapes.VERDICTS.md): the unfiltered-trigger
  // advisory weighs what the function is known to write — code read completely, no write into the bucket
  it('image_resize_python writes only into DestBucket (code read completely): no finding on the unfiltered SourceBucket trigger', () => {
    const yaml = `${dir('aws__serverless-application-model__image_resize_python')}/template.yaml`;
    expect(recursion(yaml)).toEqual([]);
  });

  it('s3_processor only reads (getObject), its code read completely: no finding', () => {
    const yaml = `${dir('aws__serverless-application-model__s3_processor')}/template.yaml`;
    expect(recursion(yaml)).toEqual([]);
  });
});

// The Tencent SCF samples (tencentyun/scf-demo-repo): the verdicts of test/corpus/code/VERDICTS.md,
// written before trigger-lint ran on them.
describe('tencentyun/scf-demo-repo samples (VERDICTS.md)', () => {
  const base = (name: string) => dir(`tencentyun__scf-demo-repo__${name}`);
  const config = (name: string) => {
    for (const f of ['serverless.yaml', 'serverless.yml']) {
      try { readFileSync(join(ROOT, base(name), f)); return `${base(name)}/${f}`; } catch { /* the other name */ }
    }
    throw new Error(`no config in ${name}`);
  };
  /** No error; at most the unfiltered-trigger advisory. */
  const advisoryOnly = (got: ReturnType<typeof recursion>) => {
    for (const f of got) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('(no prefix or suffix)');
    }
  };

  const ADVISORY = ['Python2.7-Thumbnail', 'Python3.6-UnpackAndUploadToCOS', 'Python2.7-UnpackAndUploadToCOS', 'Python3.6-Get_COS_Object', 'Nodejs12.16-UnpackAndUploadToCOS', 'Nodejs10.15-UnpackAndUploadToCOS', 'Node8.9_UnzipAndUploadToCOS', 'Node8.9_VideoTranscode', 'Nodejs8.9-GetCosObject', 'Nodejs8.9-Thumbnail', 'Nodejs6.10-Thumbnail'];
  for (const name of ADVISORY) it(`${name} as published: advisory only`, () => advisoryOnly(recursion(config(name))));

  const NONE = ['Python2.7-Transcode', 'Python3.6-Transcode', 'Nodejs12.16-Transcode', 'Python3.6-COS_SyncData_SameRegion', 'Python3.6-COS_SyncData_AcrossRegion'];
  for (const name of NONE) it(`${name} as published: no finding`, () => expect(recursion(config(name))).toEqual([]));

  for (const name of ['Python2.7-Transcode', 'Python3.6-Transcode', 'Nodejs12.16-Transcode']) {
    it(`${name} rendered from its comments: "/transcode/new-…" is outside "source-video/"; with target_path source-video, an error`, () => {
      const path = config(name);
      const rendered = read(path).replace('#target_bucket:', 'target_bucket:').replace('#target_path:', 'target_path:').replace('#region:', 'region:');
      expect(recursion(path, rendered)).toEqual([]);
      const inside = rendered.replace('target_path: /transcode', 'target_path: source-video');
      const got = recursion(path, inside);
      expect(got.map((f) => f.severity)).toEqual(['error']);
      expect(got[0].message).toContain('"source-video');
    });
  }

  it('Python3.6-COS_SyncData_SameRegion rendered: another bucket is safe, its own bucket copies the same key again (an error)', () => {
    const path = config('Python3.6-COS_SyncData_SameRegion');
    // the sample's index.py sits beside serverless.yaml, not in the ./src it names
    const text = read(path).replace('src: ./src', 'src: ./');
    const other = text.replace("target_bucket: #'function-scf-1256608914'", "target_bucket: 'function-scf-1256608914' #");
    expect(recursion(path, other)).toEqual([]);
    const own = text.replace("target_bucket: #'function-scf-1256608914'", "target_bucket: 'ffmpeg-1256608914' #");
    expect(recursion(path, own).map((f) => f.severity)).toEqual(['error']);
  });

  for (const name of ['Nodejs12.16-UnpackAndUploadToCOS', 'Nodejs10.15-UnpackAndUploadToCOS']) {
    it(`${name} rendered into its own bucket: the .zip guard stops the loop after one round, a warning`, () => {
      const path = config(name);
      const rendered = read(path)
        .replace(/bucket: # input[^\n]*/, 'bucket: zips-1250000000.cos.ap-guangzhou.myqcloud.com')
        .replace('  events:\n', '  environment:\n    variables:\n      targetBucket: zips-1250000000\n      targetPrefix: unzipped\n  events:\n');
      const got = recursion(path, rendered);
      expect(got.map((f) => f.severity)).toEqual(['warning']);
      expect(got[0].message).toContain(`only the check key.endsWith('.zip') at ${base(name)}/index.js:`);
    });
  }
});
