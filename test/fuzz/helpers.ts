// The fuzz harness (scripts/fuzz/) driven from the sources, as `npm run fuzz` drives a bundle of them.
import { lint } from '../../src/index.js';
import { FORMATS } from '../../src/formats/index.js';
import { RULES } from '../../rules/index.js';
import { applyFixes } from '../../src/workflow/fix.js';
import type { FuzzApi } from '../../scripts/fuzz/harness.js';
import { loadCorpus } from '../../scripts/fuzz/harness.js';
import { ROOT } from '../helpers.js';

export const api: FuzzApi = { lint, FORMATS, RULES, applyFixes };
export const corpus = loadCorpus(ROOT);
