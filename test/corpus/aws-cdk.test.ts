// Real CDK output (cdk synth of CDK's own S3-notification integration test) in
// test/corpus/configs/aws-cdk/ (read-only): it lints as aws-cloudformation and its Model holds
// the two bucket notifications of its Custom::S3BucketNotifications resources.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, lintTexts } from '../helpers.js';
import { loadModel } from '../../src/engine/lint.js';
import { isStorage } from '../../src/model/model.js';

const NAME = 'aws__aws-cdk__lambda-bucket-notifications.template.json';
const PATH = join(CORPUS, 'configs', 'aws-cdk', NAME);

describe('corpus: aws-cdk', () => {
  // verdict written before the first run: .png uploads to MyBucket and removals from YourBucket
  // invoke MyFunction, which writes nowhere; nothing to report
  it(`${NAME} lints as aws-cloudformation with no finding`, () => {
    const r = lintTexts({ [NAME]: readFileSync(PATH, 'utf8') });
    expect(r.files.map((f) => [f.format, f.findings.length])).toEqual([['aws-cloudformation', 0]]);
  });

  it('reads both Custom::S3BucketNotifications into storage triggers of MyFunction', async () => {
    const { model } = await loadModel([{ path: NAME, text: readFileSync(PATH, 'utf8') }], { env: {} });
    expect(model.triggers.filter(isStorage).map((t) => [t.bucket.display, t.function.name.value, t.events.value, t.prefix.value, t.suffix.value])).toEqual([
      [`MyBucketF68F3FF0 (defined in ${NAME})`, 'MyFunction3BAA72D1', ['ObjectCreated:*'], '', '.png'],
      [`YourBucketC6A57364 (defined in ${NAME})`, 'MyFunction3BAA72D1', ['ObjectRemoved:*'], '', ''],
    ]);
  });
});
