// The rule registry, sorted by id. A rule's id equals its file name.
import type { Rule } from '../src/types.js';
import bucketTriggerLimit from './bucket-trigger-limit.js';
import disableReason from './disable-reason.js';
import duplicateTriggerName from './duplicate-trigger-name.js';
import filterWildcard from './filter-wildcard.js';
import prefixLeadingSlash from './prefix-leading-slash.js';
import recursiveTrigger from './recursive-trigger.js';
import regionMismatch from './region-mismatch.js';
import syntax from './syntax.js';
import triggerOverlap from './trigger-overlap.js';
import undefinedVariable from './undefined-variable.js';
import unusedDisable from './unused-disable.js';

export const RULES: Rule[] = [
  bucketTriggerLimit,
  disableReason,
  duplicateTriggerName,
  filterWildcard,
  prefixLeadingSlash,
  recursiveTrigger,
  regionMismatch,
  syntax,
  triggerOverlap,
  undefinedVariable,
  unusedDisable,
];
