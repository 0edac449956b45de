// Key patterns (src/model/key-pattern.ts): what a written key keeps of the triggering key's
// prefix and suffix, for one trigger's filter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutBeforeLast, resolveKey, type KeyPart, type LastCut } from '../../src/model/key-pattern.js';
import { beforeFirst } from '../../src/code/split.js';
import { literalSlice, substr, substring } from '../../src/code/string-slices.js';
import { asStr, beforeLast, dirname, keyOf, stem, str, type Val } from '../../src/code/values.js';

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
  it('an end cut at the last separator keeps what follows the last separator of the suffix (exactly, when the suffix has one)', () => {
    const extension: KeyPart = { input: { prefix: false, suffix: true, tail: { sep: '.', keep: true } } }; // key[key.rfind('.'):]
    const segment: KeyPart = { input: { prefix: false, suffix: true, tail: { sep: '/', keep: false } } }; // basename(key)
    expect(resolveKey([{ lit: 'thumbs/' }, extension], '', '.jpg')).toEqual({
      prefix: 'thumbs/.jpg',
      suffix: 'thumbs/.jpg',
      exact: 'thumbs/.jpg',
    });
    // the suffix "_thumb.jpg" has a "." of its own: only ".jpg" survives the cut
    expect(resolveKey([{ lit: 'x-' }, extension], '', '_thumb.jpg')).toEqual({
      prefix: 'x-.jpg',
      suffix: 'x-.jpg',
      exact: 'x-.jpg',
    });
    // a suffix with a "/" in it: the last segment keeps what follows that "/"
    expect(resolveKey([{ lit: 'flat/' }, segment], 'in/', 'raw/a.png')).toEqual({
      prefix: 'flat/a.png',
      suffix: 'flat/a.png',
      exact: 'flat/a.png',
    });
    // `name, ext = key.rsplit('.', 1)` under ".jpg": `name + '-small.' + ext` ends in "-small.jpg"
    const ext: KeyPart = { input: { prefix: false, suffix: true, tail: { sep: '.', keep: false } } };
    const stem: KeyPart = { input: { prefix: true, suffix: false } };
    expect(resolveKey([stem, { lit: '-small.' }, ext], 'in/', '.jpg')).toEqual({ prefix: 'in/', suffix: '-small.jpg' });
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
  it("property: a cut at the first separator (`key.split('.')[0]`) keeps only what it can prove", () => {
    const seg = fc.stringMatching(/^[a-c/.]{0,4}$/);
    fc.assert(
      fc.property(seg, seg, seg, seg, fc.constantFrom('.', '/', 'b'), (tp, ts, mid, before, sep) => {
        const key = tp + mid + ts;
        const v = beforeFirst(str([{ lit: before }, { input: { prefix: true, suffix: true } }]), sep);
        const written = (before + key).split(sep)[0];
        const r = resolveKey(keyOf(v), tp, ts);
        if (r.prefix !== undefined) expect(written.startsWith(r.prefix)).toBe(true);
        if (r.suffix !== undefined) expect(written.endsWith(r.suffix)).toBe(true);
        if (r.exact !== undefined) expect(written).toBe(r.exact);
      }),
      { numRuns: 2000 },
    );
  });
  it('property: literal slices (`key.slice(0, -4)`, `name[5:]`, `substring`, `substr`) keep only what they can prove', () => {
    const seg = fc.stringMatching(/^[a-c/.]{0,4}$/);
    const bound = fc.option(fc.integer({ min: -6, max: 6 }), { nil: undefined });
    fc.assert(
      fc.property(seg, seg, seg, seg, seg, bound, bound, (tp, ts, mid, before, after, a, b) => {
        const key = tp + mid + ts;
        const v = str([{ lit: before }, { input: { prefix: true, suffix: true } }, { lit: after }]);
        const text = before + key + after;
        const cases: [Val, string][] = [[literalSlice(v, a, b), text.slice(a ?? 0, b)]];
        if (a !== undefined)
          cases.push([substring(v, a, b), text.substring(a, b)], [substr(v, a, b), text.substr(a, b)]);
        for (const [out, written] of cases) {
          const r = resolveKey(keyOf(out), tp, ts);
          if (r.prefix !== undefined) expect(written.startsWith(r.prefix)).toBe(true);
          if (r.suffix !== undefined) expect(written.endsWith(r.suffix)).toBe(true);
          if (r.exact !== undefined) expect(written).toBe(r.exact);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('property: cuts before the last separator (`rsplit(sep, 1)[0]`, `dirname`, `stem`) keep only what they can prove', () => {
    const seg = fc.stringMatching(/^[a-c/.]{0,4}$/);
    const cuts: [(v: Val) => Val, LastCut][] = [
      [(v) => beforeLast(v, '.'), { sep: '.', mode: 'keep' }],
      [(v) => beforeLast(v, '/'), { sep: '/', mode: 'keep' }],
      [dirname, { sep: '/', mode: 'empty' }],
      [stem, { sep: '.', mode: 'segment' }],
    ];
    fc.assert(
      fc.property(seg, seg, seg, seg, seg, fc.integer({ min: 0, max: 3 }), (tp, ts, mid, before, after, which) => {
        const key = tp + mid + ts;
        const [cut, c] = cuts[which];
        const v = cut(str([{ lit: before }, { input: { prefix: true, suffix: true } }, { lit: after }]));
        const written = cutBeforeLast(before + key + after, c);
        // and text added after the cut (`os.path.dirname(key) + '/thumb-' + name`)
        const then = str([...asStr(v), { lit: `${c.sep}${after}` }]);
        for (const [out, text] of [
          [v, written],
          [then, `${written}${c.sep}${after}`],
        ] as const) {
          const r = resolveKey(keyOf(out), tp, ts);
          if (r.prefix !== undefined) expect(text.startsWith(r.prefix)).toBe(true);
          if (r.suffix !== undefined) expect(text.endsWith(r.suffix)).toBe(true);
          if (r.exact !== undefined) expect(text).toBe(r.exact);
        }
      }),
      { numRuns: 4000 },
    );
  });
});
