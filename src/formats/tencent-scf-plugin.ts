// Tencent Cloud SCF with the Serverless Framework v1 plugin `serverless-tencent-scf`
// (`serverless.yml` with `provider.name: tencent`). Functions: `functions.<f>`; triggers:
// `functions.<f>.events[]` as `- cos: { name, parameters: { bucket, filter, events, enable } }`.
// Region: the function's own `region`, else `provider.region` (the example's comment: 函数设置 >
// 全局设置 > 默认设置). The plugin's deploy step (deploy/lib/deployTrigger.js) refuses a COS
// trigger whose name is not its bucket, and a CMQ / CKafka trigger whose name is not the
// queue / instance name; those become format issues (reported by the `schema` rule).
import { isKnown, type Located } from '../model/model.js';
import { entries } from '../source/yamlnav.js';
import { tencentEnv, tencentTrigger, tencentWrites } from './tencent-scf.js';
import { serverlessFrameworkAdapter } from './serverless-framework-common.js';

/** What the plugin compares a trigger's name with, per type, and its own words. */
const NAME_MUST_EQUAL: Record<string, { key: string; what: string; words: string }> = {
  cos: {
    key: 'bucket',
    what: 'its bucket',
    words: '触发器名称不符合规范 (triggerName 格式应为: <BucketName-APPID>.cos.<Region>.myqcloud.com)',
  },
  cmq: {
    key: 'name',
    what: 'its CMQ queue name (parameters.name)',
    words: '触发器名称不符合规范 (triggerName 应为CMQ名称)',
  },
  ckafka: {
    key: 'name',
    what: 'its CKafka instance (parameters.name)',
    words: '触发器名称不符合规范 (triggerName 应为消息队列 CKafka ID)',
  },
};

const tencentScfPlugin = serverlessFrameworkAdapter({
  id: 'tencent-scf-plugin',
  vendor: 'tencent',
  provider: 'tencent',
  description:
    'Tencent Cloud SCF serverless.yml for the Serverless Framework plugin serverless-tencent-scf (provider.name: tencent)',
  schema: 'config/tencent-scf-plugin',
  env: (r, provider, f) => tencentEnv(r, r.get(provider, 'environment'), r.get(f, 'environment')),
  writes: tencentWrites,
  region: (r, provider, f) => r.str(r.get(f, 'region')) ?? r.str(r.get(provider, 'region')),
  trigger: ({ r, fn, item, id, issues }) => {
    const first = entries(item)[0];
    if (!first) return undefined;
    const type = first[0].toLowerCase();
    const outer = r.map(first[1].value);
    const params = r.map(r.get(outer, 'parameters'));
    const tAt = r.loc(item);
    const tname: Located<string> = r.str(r.get(outer, 'name')) ?? { value: '', at: tAt };
    const rule = NAME_MUST_EQUAL[type];
    const other = rule ? r.str(r.get(params, rule.key)) : undefined;
    if (rule && other && isKnown(other) && isKnown(tname) && tname.value !== other.value) {
      issues.push({
        at: tname.at,
        message: `trigger name ${JSON.stringify(tname.value)} is not ${rule.what} ${JSON.stringify(other.value)}: serverless-tencent-scf refuses it at deploy ("${rule.words}"); set name to ${JSON.stringify(other.value)}`,
        related: [{ at: other.at, message: `${rule.what} is set here` }],
      });
    }
    return tencentTrigger(r, fn, { type, params, name: tname, id, at: tAt });
  },
});

export default tencentScfPlugin;
