import type { Rule, RuleContext } from '../src/engine/rule.js';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isEventBridge, isKnown, known, type EventBridgeTrigger, type Located } from '../src/model/model.js';
import { TRIGGER_FACTS } from '../src/model/trigger-facts.js';
import { innerSpan, textsOf } from '../src/model/span.js';
import { q, triggerLabel } from '../src/model/filters.js';

export default {
  id: 'eventbridge-trigger',
  description:
    "Require an EventBridge trigger filter pattern that is a valid JSON object, batch settings in the documented range, and source settings under the source's own key",
  severity: 'error',
  check({ model, sources, report }) {
    const texts = textsOf(sources);
    for (const t of model.triggers) {
      if (!isEventBridge(t)) continue;
      const key = `${t.function.name.value}/${t.name.value}`;
      checkBatch(t, key, report);
      checkParameters(t, key, report);
      checkMisplaced(t, key, report);
      if (!isKnown(t.filterPattern)) continue;
      const text = t.filterPattern.value;
      const errors: ParseError[] = [];
      const value: unknown = parse(text, errors, {
        disallowComments: true,
        allowTrailingComma: false,
        allowEmptyContent: false,
      });
      if (errors.length) {
        const e = errors[0];
        const what = printParseErrorCode(e.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase();
        const near = text.slice(e.offset, e.offset + Math.max(e.length, 1)) || 'the end';
        report({
          at: innerSpan(texts, t.filterPattern, e.offset, e.offset + Math.max(e.length, 1)),
          message: `eventRuleFilterPattern of ${triggerLabel(t)} is not valid JSON (${what} at ${JSON.stringify(near)}): EventBridge rejects the rule; write a JSON object such as '{"source":["acs.oss"]}'`,
          key,
        });
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        report({
          at: t.filterPattern.at,
          message: `eventRuleFilterPattern of ${triggerLabel(t)} is JSON but not an object: an event pattern is an object of field → values, e.g. '{"source":["acs.oss"]}'`,
          key,
        });
      }
    }
  },
} satisfies Rule;

/** Batch count and interval of an EventBridge trigger on a custom event source, against the vendor's range. */
function checkBatch(t: EventBridgeTrigger, key: string, report: RuleContext['report']): void {
  const facts = TRIGGER_FACTS[t.function.vendor].eventbridge;
  const source = known(t.sourceType)?.toLowerCase();
  if (!facts || !source || !facts.sourceTypes.includes(source)) return;
  const range = (l: Located<number> | undefined, [lo, hi]: [number, number], what: string, unit: string) => {
    if (!isKnown(l) || (l.value >= lo && l.value <= hi)) return;
    report({
      at: l.at,
      message: `${what} ${l.value} of ${triggerLabel(t)} is outside the range ${lo}-${hi}${unit} allowed for ${String(t.sourceType!.value)} sources; use a value in that range`,
      key,
    });
  };
  range(t.batchSize, facts.batchSize, 'batch size (CountBasedWindow)', '');
  range(t.batchWindow, facts.batchWindow, 'batch interval (TimeBasedWindow)', ' seconds');
}

/**
 * A custom source reads its settings from its own key under eventSourceParameters
 * (`sourceMNSParameters` for MNS…): settings written there directly, or under another source's
 * key, are not read, and the trigger is created without its queue or topic.
 */
function checkParameters(t: EventBridgeTrigger, key: string, report: RuleContext['report']): void {
  const expected = TRIGGER_FACTS[t.function.vendor].eventbridge?.parameterKeys;
  const source = known(t.sourceType);
  const want = source ? expected?.[source.toLowerCase()] : undefined;
  const misplaced = configKeysOf(t);
  const keys = t.sourceParameterKeys?.filter((k) => !misplaced.has(String(k.value).toLowerCase()));
  if (!expected || !want || !keys?.length || keys.some((k) => k.value === want)) return;
  const others = new Set(Object.values(expected));
  const first = keys.find((k) => others.has(String(k.value))) ?? keys[0];
  const name = String(first.value);
  const message = others.has(name)
    ? `${q(name)} in eventSourceParameters of ${triggerLabel(t)} belongs to eventSourceType ${name.replace(/^source|Parameters$/g, '')}, but this trigger's is ${q(source!)}: its settings are not read; write them under ${q(want)}`
    : `${q(name)} is written directly under eventSourceParameters of ${triggerLabel(t)}: eventSourceType ${q(source!)} reads its settings from eventSourceParameters.${want}, so these are not read; nest them under ${q(want)}`;
  report({ at: first.at, message, key: `${key}#eventSourceParameters` });
}

/**
 * A trigger-config key written inside eventSourceParameters, which holds only the per-source
 * objects (`sourceMNSParameters`…): FC does not read it there (the real aliyun/ros-templates
 * video-website-solution.yml writes `eventRuleFilterPattern` there) — a warning.
 */
function checkMisplaced(t: EventBridgeTrigger, key: string, report: RuleContext['report']): void {
  const misplaced = configKeysOf(t);
  for (const k of t.sourceParameterKeys ?? []) {
    const m = misplaced.get(String(k.value).toLowerCase());
    if (!m) continue;
    report({
      at: k.at,
      severity: 'warning',
      message: `${q(String(k.value))} is written inside eventSourceParameters of ${triggerLabel(t)}, which holds only each source's own settings (sourceMNSParameters, sourceKafkaParameters…): Function Compute does not read it there; move it to ${m.where}`,
      key: `${key}#${m.name}`,
    });
  }
}

/** The vendor's trigger-config keys (lower-cased) → their spelling and where they belong. */
function configKeysOf(t: EventBridgeTrigger): Map<string, { name: string; where: string }> {
  const keys = TRIGGER_FACTS[t.function.vendor].eventbridge?.configKeys ?? {};
  return new Map(Object.entries(keys).map(([name, where]) => [name.toLowerCase(), { name, where }]));
}
