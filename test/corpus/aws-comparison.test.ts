// The real AWS SAM files in test/corpus/configs/aws-comparison/ (read-only): each lints
// without an internal error, and the findings on each are pinned after reading the file.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers.js';
import { lintCorpusFile } from './pin.js';

const DIR = join(CORPUS, 'configs', 'aws-comparison');

function lintOne(name: string) {
  return lintCorpusFile('aws-comparison', name);
}
function findings(name: string) {
  return lintOne(name).files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.severity}`));
}

const RESIZE = 'aws__serverless-application-model__examples__2016-10-31__image_resize_python__template.yaml@85501acc';
const PROCESSOR = 'aws__serverless-application-model__examples__2016-10-31__s3_processor__template.yaml@85501acc';
const FILTER = 'aws__serverless-application-model__tests__translator__input__s3_filter.yaml';
const SAME = 'aws__serverless-application-model__tests__translator__input__s3_multiple_events_same_bucket.yaml';

describe('corpus: aws-comparison', () => {
  it('has the files this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual([RESIZE, PROCESSOR, FILTER, SAME].sort());
  });
  for (const name of readdirSync(DIR).sort()) {
    it(`${name} lints as aws-sam without an internal error`, () => {
      expect(lintOne(name).files.map((f) => f.format)).toEqual(['aws-sam']);
    });
  }
  it('image_resize: unfiltered ObjectCreated:* on SourceBucket is a warning; its writes go to DestBucket, so no loop', () => {
    expect(findings(RESIZE)).toEqual(['27:26 recursive-trigger warning']);
  });
  it('s3_processor: unfiltered ObjectCreated:* (the function only reads)', () => {
    expect(findings(PROCESSOR)).toEqual(['16:26 recursive-trigger warning']);
  });
  it('the unfiltered-trigger advisory says why it stays: the handler code is not beside the template', () => {
    const msg = lintOne(PROCESSOR).files[0].findings[0].message;
    expect(msg).toContain('(no prefix or suffix), and trigger-lint cannot rule out that the function writes there (its handler code was not found beside the config, or not read)');
  });
  it('s3_filter: Name must be prefix or suffix, so this rule filters nothing', () => {
    expect(findings(FILTER)).toEqual(['13:20 recursive-trigger warning', '18:25 schema error']);
  });
  it('multiple events on one bucket with different event types do not overlap', () => {
    expect(findings(SAME)).toEqual(['13:20 recursive-trigger warning']);
  });
});
