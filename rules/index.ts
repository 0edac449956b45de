// The rule registry, sorted by id. A rule's id equals its file name.
import type { Rule } from '../src/engine/rule.js';
import bucketTriggerLimit from './bucket-trigger-limit.js';
import disableReason from './disable-reason.js';
import duplicateTriggerName from './duplicate-trigger-name.js';
import eventbridgeTrigger from './eventbridge-trigger.js';
import filterWildcard from './filter-wildcard.js';
import httpTrigger from './http-trigger.js';
import logTrigger from './log-trigger.js';
import multipartFanout from './multipart-fanout.js';
import notificationOverwrite from './notification-overwrite.js';
import prefixLeadingSlash from './prefix-leading-slash.js';
import queueTrigger from './queue-trigger.js';
import recursiveTrigger from './recursive-trigger.js';
import redundantEvent from './redundant-event.js';
import regionMismatch from './region-mismatch.js';
import schema from './schema.js';
import syntax from './syntax.js';
import timerSchedule from './timer-schedule.js';
import timerTimezone from './timer-timezone.js';
import triggerOverlap from './trigger-overlap.js';
import undefinedVariable from './undefined-variable.js';
import unusedDisable from './unused-disable.js';

export const RULES: Rule[] = [
  bucketTriggerLimit,
  disableReason,
  duplicateTriggerName,
  eventbridgeTrigger,
  filterWildcard,
  httpTrigger,
  logTrigger,
  multipartFanout,
  notificationOverwrite,
  prefixLeadingSlash,
  queueTrigger,
  recursiveTrigger,
  redundantEvent,
  regionMismatch,
  schema,
  syntax,
  timerSchedule,
  timerTimezone,
  triggerOverlap,
  undefinedVariable,
  unusedDisable,
];
