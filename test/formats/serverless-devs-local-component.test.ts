// Serverless Devs files whose `component:` is not a registry name — a variable or a local path,
// as the component repositories' own examples write it (devsapp/fc examples/multi-envs:
// `component: ${path(../..)}`; fc-deploy docs: `component: ../../lib`) — are recognised by the
// shape of their props, as fc3 already was (issue #30, point 3). And `--input-format` owns every
// resource of the file: what it cannot read is named, never a silent "0 errors".
import { describe, expect, it } from 'vitest';
import { lintTexts, only } from '../helpers.js';

const LEGACY_FC = (component: string) => `edition: 1.0.0
name: component-test
services:
  srv-test:
    component: ${component}
    props:
      region: cn-beijing
      service:
        name: media
      function:
        name: thumbs
        runtime: nodejs12
        handler: index.handler
      triggers:
        - name: upload
          type: oss
          config:
            bucketName: photos
            events:
              - oss:ObjectCreated:*
            filter:
              Key:
                Prefix: /uploads/
                Suffix: ''
`;

const FGS = (component: string) => `edition: 1.0.0
services:
  thumbs:
    component: ${component}
    props:
      region: cn-east-3
      function:
        functionName: thumbnailer
        handler: index.handler
      trigger:
        triggerTypeCode: OBS
        status: ACTIVE
        eventData:
          bucket: photos
          events:
            - s3:ObjectCreated:*
          prefix: /uploads/
`;

// a Baidu CFC component's props (fc-deploy's docs reuse them with component: ../../lib): not fc, not fgs
const OTHER = `edition: 1.0.0
services:
  component-test:
    component: ../../lib
    props:
      code:
        codeUri: ./
      functionName: test
      handler: index.handler
      endpoint: cfc.bj.baidubce.com
`;

function lint(text: string, inputFormat?: string) {
  return lintTexts(
    { 's.yaml': text },
    { ...only('prefix-leading-slash', 'schema'), ...(inputFormat ? { inputFormat } : {}) },
  );
}
const summary = (text: string, inputFormat?: string) => {
  const r = lint(text, inputFormat);
  return {
    format: r.files[0]?.format ?? null,
    unrecognized: r.unrecognized,
    findings: r.files.flatMap((f) => f.findings.map((x) => `${x.line} ${x.ruleId}`)),
  };
};

describe('a Serverless Devs component written as a path or a variable', () => {
  for (const component of ['${path(../..)}', "${path('../..')}", '../../lib', './fc.js', '/opt/components/local']) {
    it(`legacy fc with component: ${component} is serverless-devs-fc and is checked`, () => {
      expect(summary(LEGACY_FC(component))).toEqual({
        format: 'serverless-devs-fc',
        unrecognized: [],
        findings: ['23 prefix-leading-slash'],
      });
    });
    it(`Huawei fg/fgs with component: ${component} is huawei-fgs and is checked`, () => {
      expect(summary(FGS(component))).toEqual({
        format: 'huawei-fgs',
        unrecognized: [],
        findings: ['17 prefix-leading-slash'],
      });
    });
  }
  it('a registry name of another component is not taken on shape alone', () => {
    expect(summary(LEGACY_FC('devsapp/website')).format).toBeNull();
    expect(summary(FGS('devsapp/website')).format).toBeNull();
  });
  it('props of neither shape are not a trigger file', () => {
    expect(summary(OTHER)).toEqual({ format: null, unrecognized: ['s.yaml'], findings: [] });
  });
});

describe('--input-format owns every resource of the file', () => {
  it('a forced legacy fc reads a resource whatever its component says', () => {
    expect(summary(LEGACY_FC('devsapp/website'), 'serverless-devs-fc')).toEqual({
      format: 'serverless-devs-fc',
      unrecognized: [],
      findings: ['23 prefix-leading-slash'],
    });
  });
  it('what a forced format cannot read is a finding, not "0 errors"', () => {
    const text = 'edition: 1.0.0\nservices:\n  a:\n    component: fc\n  b: just a string\n';
    const r = lint(text, 'serverless-devs-fc');
    expect(r.files[0].findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([
      '3 schema --input-format serverless-devs-fc: services.a has no props map, so nothing of it was checked; write it as serverless-devs-fc or pick the format that matches the file',
      '5 schema --input-format serverless-devs-fc: services.b is not a map, so nothing of it was checked; write it as serverless-devs-fc or pick the format that matches the file',
    ]);
  });
  it('a forced format whose resources map is missing says so', () => {
    const r = lint('edition: 3.0.0\nresources:\n  x:\n    component: fc3\n    props: {}\n', 'serverless-devs-fc');
    expect(r.summary.errors).toBe(1);
    expect(r.files[0].findings[0]).toMatchObject({ line: 1, ruleId: 'schema' });
    expect(r.files[0].findings[0].message).toMatch(/^--input-format serverless-devs-fc: no services map/);
  });
});

describe('--input-format on a file of another shape', () => {
  for (const format of ['funcraft', 'ros', 'serverless-aliyun', 'aws-sam']) {
    it(`forcing ${format} on a legacy fc file says nothing was checked instead of "0 errors"`, () => {
      const r = lint(LEGACY_FC('fc'), format);
      expect(r.files[0].findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
        `1:1 schema --input-format ${format}: no ${format} function or trigger in this document, so nothing in it was checked; pick the format that matches the file`,
      ]);
      expect(r.summary.errors).toBe(1);
    });
  }
});
