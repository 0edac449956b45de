import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../src/source/source.js';
import { buildModel } from '../../src/engine/lint.js';
import { decodeFileModel, encodeFileModel } from '../../src/engine/serialize.js';
import { Unknown, isStorage, type FileModel } from '../../src/model/model.js';
import { ROOT } from '../helpers.js';

function modelOf(path: string, text: string): FileModel[] {
  return buildModel([parseSource(path, text)], { env: {} }, new Set([path])).model.files;
}

/** JSON through a real round trip, as the cache file and worker messages do. */
const roundTrip = (fm: FileModel) => decodeFileModel(JSON.parse(JSON.stringify(encodeFileModel(fm))));

describe('Model serialisation (cache and worker threads)', () => {
  const example = readFileSync(join(ROOT, 'examples', 's.yaml'), 'utf8');

  it('restores every field of a real fc3 Model, except the schemaTargets closure', () => {
    for (const fm of modelOf('examples/s.yaml', example)) {
      const back = roundTrip(fm);
      const { schemaTargets, ...plain } = fm;
      expect(typeof schemaTargets).toBe('function');
      expect(back.schemaTargets).toBeUndefined();
      expect(back).toEqual(plain);
    }
  });

  it('keeps unresolved values Unknown, with their reason', () => {
    const fm = modelOf('examples/s.yaml', example)[0];
    const back = roundTrip(fm);
    const before = fm.triggers.filter(isStorage).map((t) => t.bucket.value);
    const after = back.triggers.filter(isStorage).map((t) => t.bucket.value);
    expect(before.some((v) => v instanceof Unknown)).toBe(true); // ${vars.bukcet} names nothing
    expect(after.map((v) => v instanceof Unknown)).toEqual(before.map((v) => v instanceof Unknown));
    expect(after.map(String)).toEqual(before.map(String));
  });

  it('points each trigger at the same FunctionDef object as the file’s function list', () => {
    const back = roundTrip(modelOf('examples/s.yaml', example)[0]);
    expect(back.triggers.length).toBeGreaterThan(0);
    for (const t of back.triggers) expect(back.functions).toContain(t.function);
    expect(back.triggers[0].function).toBe(back.triggers[1].function); // both on thumbnailer
  });

  it('restores a function’s environment as a Map', () => {
    const back = roundTrip(modelOf('examples/s.yaml', example)[0]);
    const env = back.functions.find((f) => f.name.value === 'thumbnailer')!.env;
    expect(env).toBeInstanceOf(Map);
    expect(env.get('OUTPUT_PREFIX')?.value).toBe('thumbs/');
  });
});
