// The real files in test/corpus/configs/huawei-fgs/ (Huawei FunctionGraph (xinwuyun/fg) files; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: both files have one APIG trigger and no OBS trigger: nothing to report.
import { pinFolder } from './pin.js';

const EXPECTED: Record<string, string[]> = {
    "wang-zerui__start-fg__fg-http-nodejs10__src__s.yaml": [],
    "wang-zerui__start-fg__fg-http-python3.6__src__s.yaml": [],
};

pinFolder('huawei-fgs', EXPECTED);
