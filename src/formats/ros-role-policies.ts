// The policy documents ROS puts on a RAM role besides the role's own `Policies`: an
// `ALIYUN::RAM::ManagedPolicy` whose `Roles` list the role, and one an
// `ALIYUN::RAM::AttachPolicyToRole` attaches to it (`PolicyType: Custom`, `PolicyName` naming a
// ManagedPolicy of the template; a System policy names no bucket). A role is named by
// `Fn::GetAtt: [<Role>, RoleName]`, `Ref`, or its RoleName written out.
import type { Node, YAMLMap } from 'yaml';
import { isKnown } from '../model/model.js';
import type { RosResolver } from './dialects/ros.js';
import { entries } from '../source/yamlnav.js';

/** Where each resource type names the role and the policy, and holds the document. */
const MANAGED = {
  type: 'ALIYUN::RAM::ManagedPolicy',
  roles: 'Roles',
  name: 'PolicyName',
  docs: ['PolicyDocumentUnchecked', 'PolicyDocument'],
};
const ATTACH = { type: 'ALIYUN::RAM::AttachPolicyToRole', role: 'RoleName', policy: 'PolicyName', kind: 'PolicyType' };

/** The policy documents attached to role `roleId` (a logical id) or named `roleName`. */
export function attachedPolicies(r: RosResolver, roleId: string | undefined, roleName: string | undefined): Node[] {
  const resources = r.resources;
  if (!resources) return [];
  const isRole = (n: Node | null | undefined): boolean => {
    if (roleId !== undefined && r.target(n) === roleId) return true;
    const s = r.str(n);
    return roleName !== undefined && isKnown(s) && s.value === roleName;
  };
  const props = (res: YAMLMap | undefined) => r.map(r.get(res, 'Properties'));
  const doc = (p: YAMLMap | undefined) =>
    MANAGED.docs.map((d) => r.get(p, d)).find((x) => x !== undefined && x !== null);
  const managed: { id: string; props: YAMLMap | undefined }[] = [];
  const attached: Node[] = [];
  for (const [id, pair] of entries(resources)) {
    const res = r.map(pair.value);
    const type = r.typeOf(res);
    if (type === MANAGED.type) managed.push({ id, props: props(res) });
    else if (type === ATTACH.type && isRole(r.get(props(res), ATTACH.role))) {
      const kind = r.str(r.get(props(res), ATTACH.kind));
      if (!(isKnown(kind) && kind.value === 'System')) attached.push(r.get(props(res), ATTACH.policy) as Node);
    }
  }
  const out: Node[] = [];
  for (const m of managed) {
    const name = r.str(r.get(m.props, MANAGED.name));
    const byAttach = attached.some(
      (n) => r.target(n) === m.id || (isKnown(name) && isKnown(r.str(n)) && r.str(n)!.value === name.value),
    );
    const listed = r.seq(r.get(m.props, MANAGED.roles))?.items.some((n) => isRole(n as Node)) ?? false;
    const d = doc(m.props);
    if ((byAttach || listed) && d) out.push(d);
  }
  return out;
}
