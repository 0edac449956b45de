// Plain CloudFormation templates (YAML or JSON) and CDK output (`cdk.out/<Stack>.template.json`):
// `AWS::Lambda::Function` (name: a literal `FunctionName`, else the logical id; environment;
// handler) and the S3 notifications written on the bucket side — an `AWS::S3::Bucket`'s
// `NotificationConfiguration` and CDK's `Custom::S3BucketNotifications`
// (./aws-s3-notifications.ts) —, with write targets from `AWS::IAM::Policy` statements attached to
// the function's role. A SAM template is aws-sam's (it comes first in detection order).
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { FormatAdapter, BuildResult } from './types.js';
import type { FunctionDef, WriteTarget } from '../model/model.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { envWrites } from './common.js';
import { cfnEnv, functionName, statementWrites, template, typeOf } from './aws-intrinsics.js';
import { bucketNotifications } from './aws-s3-notifications.js';

const FUNCTION = 'AWS::Lambda::Function';

function isTemplate(root: YAMLMap): boolean {
  const res = root.get('Resources', true);
  if (!isMap(res)) return false;
  return res.items.some((p) => {
    if (!isMap(p.value)) return false;
    const t = p.value.get('Type');
    const type = typeof t === 'string' ? t.trim() : '';
    if (type === FUNCTION || type === 'Custom::S3BucketNotifications') return true;
    const props = p.value.get('Properties', true);
    return type === 'AWS::S3::Bucket' && isMap(props) && props.has('NotificationConfiguration');
  });
}

/** The logical id of a role given as `!GetAtt R.Arn`, `{"Fn::GetAtt": ["R", "Arn"]}` or `!Ref R`. */
function roleId(r: Resolver, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (isScalar(node) && node.tag === '!GetAtt' && typeof node.value === 'string') return node.value.split('.')[0];
  const m = r.map(node);
  const ga = m ? r.seq(r.get(m, 'Fn::GetAtt')) : undefined;
  const first = ga?.items[0];
  if (first && isScalar(first)) return String(first.value);
  const ref = m ? r.get(m, 'Ref') : undefined;
  if (ref && isScalar(ref)) return String(ref.value);
  if (isScalar(node) && node.tag === '!Ref') return String(node.value);
  return undefined;
}

const awsCloudformation: FormatAdapter = {
  id: 'aws-cloudformation',
  vendor: 'aws',
  description:
    'CloudFormation templates (YAML or JSON) and CDK output (cdk.out/*.template.json): Lambda functions and S3 bucket notifications',
  fileNames: [],
  detect(doc) {
    const root = doc.contents;
    return isMap(root) && isTemplate(root);
  },
  build(doc, source): BuildResult {
    const root = doc.contents as YAMLMap;
    const r = new Resolver(source, doc, null);
    const t = template(r, root);
    const functions: FunctionDef[] = [];
    const byId = new Map<string, FunctionDef>();
    // policies by the role they are attached to
    const rolePolicies = new Map<string, Node[]>();
    for (const [, pair] of t.resources ? entries(t.resources) : []) {
      const m = r.map(pair.value);
      if (typeOf(r, m) !== 'AWS::IAM::Policy') continue;
      const props = r.map(r.get(m, 'Properties'));
      const doc2 = r.map(r.get(props, 'PolicyDocument'));
      const st = r.get(doc2, 'Statement');
      for (const role of r.seq(r.get(props, 'Roles'))?.items ?? []) {
        const id = roleId(r, role as Node);
        if (id && st) (rolePolicies.get(id) ?? rolePolicies.set(id, []).get(id)!).push(st);
      }
    }
    for (const [id, pair] of t.resources ? entries(t.resources) : []) {
      const m = r.map(pair.value);
      if (typeOf(r, m) !== FUNCTION) continue;
      const props = r.map(r.get(m, 'Properties'));
      const at = r.loc(pair.key);
      const name = functionName(r, props, id, at);
      const env = cfnEnv(r, t, r.get(r.map(r.get(props, 'Environment')), 'Variables'));
      const fn: FunctionDef = {
        id: `${source.path}#${id}`,
        name,
        vendor: 'aws',
        format: 'aws-cloudformation',
        env: env.env,
        writes: [],
        at,
      };
      const writes: WriteTarget[] = [];
      const role = roleId(r, r.get(props, 'Role'));
      for (const st of role ? (rolePolicies.get(role) ?? []) : []) writes.push(...statementWrites(r, t, st));
      fn.writes.push(...envWrites(fn, env.keys), ...writes);
      functions.push(fn);
      byId.set(id, fn);
    }
    const external = new Map<string, FunctionDef>();
    const triggers = bucketNotifications(r, t, byId, (label, at) => {
      let fn = external.get(label);
      if (!fn)
        external.set(
          label,
          (fn = {
            id: `${source.path}#external:${label}`,
            name: { value: label, at },
            vendor: 'aws',
            format: 'aws-cloudformation',
            env: new Map(),
            writes: [],
            at,
          }),
        );
      return fn;
    });
    return { functions, triggers, undefinedRefs: [] };
  },
};

export default awsCloudformation;
