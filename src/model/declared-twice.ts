// One trigger declared in two descriptors of one app: a Funcraft template.yml and the legacy fc
// s.yaml that replaced it name the same service, function and trigger. Deploying either manages
// the same cloud trigger, so the pair is one trigger declared twice — reported once by
// duplicate-trigger-name, and never as two triggers that overlap.
import { isKnown, type Trigger } from './model.js';

/** The cloud identity of a trigger (vendor, function's deploy name, trigger name), when known. */
export function deployKey(t: Trigger): string | undefined {
  const fn = t.function.deployName;
  if (!fn || !isKnown(t.name) || t.name.value === '') return undefined;
  return `${t.function.vendor}\u0000${fn}\u0000${t.name.value}`;
}

/** Whether a and b, written in different files, are one cloud trigger declared twice. */
export function declaredTwice(a: Trigger, b: Trigger): boolean {
  if (a.at.file === b.at.file) return false;
  const k = deployKey(a);
  return k !== undefined && k === deployKey(b);
}
