// Python's string formatting for the evaluator (src/code/python.ts): escape sequences, `%`
// formatting, `str.format` and `str.join` over abstract values, literal where they can be.
import type { Args } from './sdk.js';
import { concat, lit, litOf, str, UNKNOWN, type Val } from './values.js';

export function unescape(s: string): string {
  return s.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

/** `'%s/%s' % (a, b)`. */
export function percent(fmt: Val, args: Val): Val {
  const s = litOf(fmt);
  if (s === undefined) return UNKNOWN;
  const items = args.t === 'list' ? args.items : [args];
  let i = 0;
  const out: Val[] = [];
  let last = 0;
  const re = /%[sdr]/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(lit(s.slice(last, m.index)), m[0] === '%s' ? (items[i] ?? UNKNOWN) : str([{ unknown: true }]));
    i++;
    last = m.index + m[0].length;
  }
  out.push(lit(s.slice(last)));
  return concat(...out);
}

/** `'{}/{}'.format(a, b)`, `'{0}{name}'.format(x, name=y)`. */
export function format(fmt: Val, args: Args): Val {
  const s = litOf(fmt);
  if (s === undefined) return UNKNOWN;
  const out: Val[] = [];
  let auto = 0;
  let last = 0;
  const re = /\{([^{}]*)\}/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(lit(s.slice(last, m.index)));
    const field = m[1];
    const v =
      field === ''
        ? args.pos[auto++]
        : /^\d+$/.test(field)
          ? args.pos[Number(field)]
          : /^\w+$/.test(field)
            ? args.kw.get(field)
            : undefined;
    out.push(v ?? UNKNOWN);
    last = m.index + m[0].length;
  }
  out.push(lit(s.slice(last)));
  return concat(...out);
}

export function joinWith(sep: string, items: Val[]): Val {
  const out: Val[] = [];
  items.forEach((v, i) => {
    if (i) out.push(lit(sep));
    out.push(v);
  });
  return concat(...out);
}
