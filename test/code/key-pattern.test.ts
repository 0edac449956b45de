// Key patterns (src/model/key-pattern.ts): what a written key keeps of the triggering key's
// prefix and suffix, for one trigger's filter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveKey, type KeyPart } from '../../src/model/key-pattern.js';

const input: KeyPart = { input: { prefix: true, suffix: true } };
const name: KeyPart = { input: { prefix: false, suffix: true } };

describe('resolveKey', () => {
  it('literal keys are exact', () => {
    expect(resolveKey([{ lit: 'out/' }, { lit: 'a.png' }], 'src/', '')).toEqual({
      prefix: 'out/a.png',
      suffix: 'out/a.png',
      exact: 'out/a.png',
    });
  });
  it('the input key starts with the trigger prefix and ends with its suffix', () => {
    expect(resolveKey([{ lit: 'processed/' }, input], 'source/', '.png')).toEqual({
      prefix: 'processed/source/',
      suffix: '.png',
    });
    expect(resolveKey([input, { lit: '.meta.json' }], 'uploads/', '')).toEqual({
      prefix: 'uploads/',
      suffix: '.meta.json',
    });
  });
  it('the input file name keeps the suffix only', () => {
    expect(resolveKey([{ lit: 'source/thumb-' }, name], 'source/', '.png')).toEqual({
      prefix: 'source/thumb-',
      suffix: '.png',
    });
    expect(resolveKey([name], 'source/', '.png')).toEqual({ suffix: '.png' });
  });
  it('an end cut at the last separator keeps what follows the last separator of the suffix', () => {
    const extension: KeyPart = { input: { prefix: false, suffix: true, tail: { sep: '.', keep: true } } }; // key[key.rfind('.'):]
    const segment: KeyPart = { input: { prefix: false, suffix: true, tail: { sep: '/', keep: false } } }; // basename(key)
    expect(resolveKey([{ lit: 'thumbs/' }, extension], '', '.jpg')).toEqual({ prefix: 'thumbs/', suffix: '.jpg' });
    // the suffix "_thumb.jpg" has a "." of its own: only ".jpg" survives the cut
    expect(resolveKey([{ lit: 'x-' }, extension], '', '_thumb.jpg')).toEqual({ prefix: 'x-', suffix: '.jpg' });
    // a suffix with a "/" in it: the last segment keeps what follows that "/"
    expect(resolveKey([{ lit: 'flat/' }, segment], 'in/', 'raw/a.png')).toEqual({ prefix: 'flat/', suffix: 'a.png' });
    // a suffix with no separator lies wholly in the cut end
    expect(resolveKey([segment], 'in/', '.png')).toEqual({ suffix: '.png' });
  });
  it('an unknown filter leaves that side unknown', () => {
    expect(resolveKey([input], undefined, '.zip')).toEqual({ suffix: '.zip' });
    expect(resolveKey([{ unknown: true }, { lit: '.m3u8' }], 'videos/', '.mp4')).toEqual({ suffix: '.m3u8' });
  });
  it('replace("source/", "processed/") on the input key: the tutorial\'s safe pattern', () => {
    const once: KeyPart = {
      input: { prefix: true, suffix: true, edits: [{ from: 'source/', to: 'processed/', all: false }] },
    };
    expect(resolveKey([once], 'source/', '.png')).toEqual({ prefix: 'processed/', suffix: '.png' });
    const all: KeyPart = {
      input: { prefix: true, suffix: true, edits: [{ from: 'source/', to: 'processed/', all: true }] },
    };
    expect(resolveKey([all], 'source/', '.png')).toEqual({ prefix: 'processed/', suffix: '.png' });
  });
  it('a replacement not inside the known prefix: only what no occurrence can touch stays known', () => {
    const once: KeyPart = {
      input: { prefix: true, suffix: true, edits: [{ from: '.jpg', to: '-small.jpg', all: false }] },
    };
    expect(resolveKey([once], 'uploads/', '.jpg')).toEqual({ prefix: 'uploads/' });
    const tail: KeyPart = { input: { prefix: true, suffix: false, edits: [{ from: 'c/d', to: 'x', all: true }] } };
    expect(resolveKey([tail], 'ab/c', undefined)).toEqual({ prefix: 'ab/' });
  });
  it('property: a resolved prefix and suffix hold for every key the pattern can produce', () => {
    const seg = fc.stringMatching(/^[a-c/.]{0,4}$/);
    fc.assert(
      fc.property(seg, seg, seg, seg, seg, seg, (tp, ts, mid, before, from, to) => {
        // a concrete triggering key, the pattern applied to it (JavaScript's replace: first occurrence)
        const key = tp + mid + ts;
        const pattern: KeyPart[] = [
          { lit: before },
          { input: { prefix: true, suffix: true, edits: from ? [{ from, to, all: false }] : [] } },
        ];
        const written = before + (from ? key.replace(from, to) : key);
        const r = resolveKey(pattern, tp, ts);
        if (r.prefix !== undefined) expect(written.startsWith(r.prefix)).toBe(true);
        if (r.suffix !== undefined) expect(written.endsWith(r.suffix)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("property: the same for Python's replace (every occurrence)", () => {
    const seg = fc.stringMatching(/^[a-c/.]{0,4}$/);
    fc.assert(
      fc.property(seg, seg, seg, seg, seg, (tp, ts, mid, from, to) => {
        const key = tp + mid + ts;
        const pattern: KeyPart[] = [
          { input: { prefix: true, suffix: true, edits: from ? [{ from, to, all: true }] : [] } },
        ];
        const written = from ? key.split(from).join(to) : key;
        const r = resolveKey(pattern, tp, ts);
        if (r.prefix !== undefined) expect(written.startsWith(r.prefix)).toBe(true);
        if (r.suffix !== undefined) expect(written.endsWith(r.suffix)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
