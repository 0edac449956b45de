// The tencent-scf adapter (Serverless Components, component: scf / multi-scf) and the
// Serverless Components variables, seen through the Model.
import { describe, expect, it } from 'vitest';
import { Unknown, isHttp, isQueue, isTimer, isLog } from '../../src/model/model.js';
import { model, at } from './build-model.js';

const EVENTS = `component: scf
name: transcode
app: media
stage: prod
inputs:
  name: \${name}-\${stage}-\${app}
  region: ap-shanghai
  environment:
    variables:
      DST_BUCKET: media-1250000000.cos.ap-shanghai.myqcloud.com
      DST_PATH: /out/
  events:
    - cos:
        parameters:
          bucket: media-1250000000.cos.ap-beijing.myqcloud.com
          filter:
            prefix: in/
            suffix: .mp4
          events: 'cos:ObjectRemove:*'
          enable: true
    - timer:
        parameters:
          name: nightly
          cronExpression: '0 0 2 * * * *'
          argument: hello
          enable: true
    - apigw:
        parameters:
          endpoints:
            - path: /
              method: get
    - ckafka:
        name: kafka
        parameters:
          name: ckafka-1
          topic: videos
          maxMsgNum: 100
    - cls:
        parameters:
          topicId: t-1
          maxWait: 60
`;

describe('tencent-scf adapter', () => {
  const m = model('serverless.yml', EVENTS);
  const t = m.storage[0];

  it('detects component: scf files with inputs', () => {
    expect(m.formats.get('serverless.yml')).toBe('tencent-scf');
  });
  it('names the function from inputs.name, resolving ${name}, ${stage} and ${app} from the top-level keys', () => {
    expect(m.model.functions[0].name.value).toBe('transcode-prod-media');
    expect(m.model.functions[0].region?.value).toBe('ap-shanghai');
    expect(m.model.functions[0].vendor).toBe('tencent');
  });
  it('takes the bucket and its region from the bucket domain, each located at its own label', () => {
    expect(t.bucket.value).toBe('media-1250000000');
    expect(at(m.text, t.bucket)).toBe('media-1250000000');
    expect(t.bucketRegion?.value).toBe('ap-beijing');
    expect(at(m.text, t.bucketRegion)).toBe('ap-beijing');
  });
  it('reads ONE events string and normalises it without the cos: prefix, keeping ObjectRemove as Tencent spells it', () => {
    expect(t.events.value).toEqual(['ObjectRemove:*']);
    expect(at(m.text, t.eventItems[0])).toBe("'cos:ObjectRemove:*'");
  });
  it('locates the prefix and suffix of filter', () => {
    expect(at(m.text, t.prefix)).toBe('in/');
    expect(at(m.text, t.suffix)).toBe('.mp4');
    expect(t.prefixDeclared && t.suffixDeclared).toBe(true);
  });
  it('normalises a DST_BUCKET domain to the same bucket name as the trigger, with DST_PATH as the prefix', () => {
    const w = m.model.functions[0].writes;
    expect(w).toHaveLength(1);
    expect(w[0].bucket?.value).toBe('media-1250000000');
    expect(w[0].prefix?.value).toBe('out/');
  });
  it('fills timer, API gateway, CKafka and CLS triggers with located fields', () => {
    const [timer, api, kafka, cls] = m.model.triggers.slice(1);
    expect(isTimer(timer) && at(m.text, timer.schedule)).toBe("'0 0 2 * * * *'");
    expect(isTimer(timer) && timer.dialect).toBe('tencent');
    expect(timer.name.value).toBe('nightly');
    expect(isHttp(api) && api.methods?.value).toEqual(['GET']);
    expect(isHttp(api) && at(m.text, api.path)).toBe('/');
    expect(isQueue(kafka) && kafka.topic?.value).toBe('videos');
    expect(kafka.name.value).toBe('kafka');
    expect(isLog(cls) && cls.interval?.value).toBe(60);
  });
});

describe('tencent-scf adapter, other shapes', () => {
  it('reads the flat inputs.triggers[] of scf@dev; a bare bucket name has no region of its own', () => {
    const m = model(
      'serverless.yml',
      `component: scf@dev
name: demo
inputs:
  region: ap-guangzhou
  triggers:
    - type: cos
      bucket: my-bucket
      filter: { prefix: filterdir/ }
      events: 'cos:ObjectCreated:*'
`,
    );
    const t = m.storage[0];
    expect(t.bucket.value).toBe('my-bucket');
    expect(t.bucketRegion).toBeUndefined();
    expect(t.events.value).toEqual(['ObjectCreated:*']);
  });
  it('binds multi-scf triggers to the function their `function` key names', () => {
    const m = model(
      'serverless.yml',
      `component: multi-scf
name: multi
inputs:
  region: ap-guangzhou
  functions:
    index: { handler: app.index }
    users: { name: user-list, handler: app.users }
  triggers:
    - type: cos
      function: users
      parameters:
        name: cos1
        bucket: b-1250000000.cos.ap-guangzhou.myqcloud.com
        events: 'cos:ObjectCreated:Put'
`,
    );
    expect(m.model.functions.map((f) => f.name.value)).toEqual(['index', 'user-list']);
    expect(m.storage[0].function.name.value).toBe('user-list');
    expect(m.storage[0].name.value).toBe('cos1');
  });
  it("binds a multi-scf apigw trigger to the functions its APIs name (an API's function wins over the trigger's)", () => {
    // the shape of serverless-components/tencent-multi-scf example/serverless.yml (issue #30): the
    // apigw trigger has no function of its own, each API names one; the trigger was skipped
    const m = model(
      'serverless.yml',
      `component: multi-scf
name: demo
inputs:
  region: ap-guangzhou
  functions:
    index: { handler: app.index, name: index }
    userList: { handler: app.userList, name: userList }
  triggers:
    - type: apigw
      parameters:
        name: serverless
        apis:
          - path: /
            method: GET
            function: index
          - path: /
            method: POST
            function: userList
`,
    );
    const http = m.model.triggers.filter(isHttp);
    expect(http.map((t) => [t.function.name.value, t.name.value, t.methods?.value])).toEqual([
      ['index', 'serverless', ['GET']],
      ['userList', 'serverless', ['POST']],
    ]);
  });
  it('leaves ${app} unknown when the file has no app: key, and reports ${name} without a name: key', () => {
    const m = model(
      'serverless.yml',
      `component: scf
inputs:
  name: fn-\${app}-\${name}
`,
    );
    expect(m.model.functions[0].name.value).toBeInstanceOf(Unknown);
    const refs = m.model.files[0].undefinedRefs;
    expect(refs.map((x) => x.expression)).toEqual(['name']);
    expect(at(m.text, refs[0])).toBe('${name}');
  });
  it('resolves ${env:X} from the environment, and treats ${output:…} with nested references as unknown', () => {
    const text = `component: scf
name: n
inputs:
  region: \${env:REGION}
  cls:
    logsetId: \${output:\${stage}:\${app}:cls.logsetId}
`;
    expect(model('serverless.yml', text, { REGION: 'ap-chengdu' }).model.functions[0].region?.value).toBe('ap-chengdu');
    const unset = model('serverless.yml', text);
    expect(unset.model.functions[0].region?.value).toBeInstanceOf(Unknown);
    expect(unset.model.files[0].undefinedRefs).toEqual([]);
  });
});

describe('tencent-scf adapter: nulls the component fills in (issue #16, point 4)', () => {
  const m = model(
    'serverless.yml',
    `component: scf
name: thumbs
inputs:
  name: thumbs
  environment:
    variables:
  events:
    - cos:
        name:
        parameters:
          bucket: photos-1250000000.cos.ap-guangzhou.myqcloud.com
          filter:
            prefix:
            suffix: .jpg
          events: cos:ObjectCreated:*
`,
  );
  it('reads an empty filter.prefix as no prefix, as the toolkit sends "" (prefix ?? \'\')', () => {
    const t = m.storage[0];
    expect(t.prefix.value).toBe('');
    expect(t.suffix.value).toBe('.jpg');
  });
  it('reads an empty name as no name (the component names it), and empty variables as none', () => {
    expect(m.storage[0].name.value).toBe('');
    expect([...m.model.functions[0].env]).toEqual([]);
  });
});
