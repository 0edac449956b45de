// One cron field: lists (a,b), ranges (a-b), steps (*/n, a/n, a-b/n), names (JAN, MON) and the
// dialect's special characters (? L W #). Errors name the field and quote the offending part.
import type { Field, FieldSpec, Problem } from './types.js';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Whitespace-separated words of a text, with offsets. */
export function words(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

export function parseField(tok: Token, spec: FieldSpec): { field: Field; problems: Problem[] } {
  const field: Field = {
    spec,
    text: tok.text,
    start: tok.start,
    end: tok.end,
    any: false,
    question: false,
    calendar: false,
  };
  const problems: Problem[] = [];
  const bad = (message: string, start = tok.start, end = tok.end) => problems.push({ message, start, end });
  const label = spec.name;

  if (tok.text === '?') {
    if (spec.question) field.question = true;
    else bad(`"?" is not allowed in the ${label} field, which takes ${allowed(spec)}`);
    return { field, problems };
  }
  const values = new Set<number>();
  let offset = tok.start;
  for (const item of tok.text.split(',')) {
    const itemTok = { text: item, start: offset, end: offset + item.length };
    offset += item.length + 1;
    if (item === '') {
      bad(`empty list item in the ${label} field "${tok.text}"`);
      continue;
    }
    parseItem(itemTok, spec, field, values, (m) => bad(m, itemTok.start, itemTok.end));
  }
  if (!field.any && !field.calendar && problems.length === 0) field.values = [...values].sort((a, b) => a - b);
  return { field, problems };
}

function parseItem(tok: Token, spec: FieldSpec, field: Field, values: Set<number>, bad: (m: string) => void): void {
  const label = spec.name;
  const t = tok.text.toUpperCase();
  // Special characters first.
  if (/[LW#]/.test(t) && !/^[A-Z]{3}$/.test(t)) {
    if (spec.last && (t === 'L' || (t === 'LW' && spec.weekday))) {
      field.calendar = true;
      return;
    }
    let m = /^(\w+)L$/.exec(t);
    if (m && spec.last && spec.nth) {
      if (value(m[1], spec, bad) !== undefined) field.calendar = true;
      return;
    }
    m = /^(\d+)W$/.exec(t);
    if (m && spec.weekday) {
      if (value(m[1], spec, bad) !== undefined) field.calendar = true;
      return;
    }
    m = /^(\w+)#(\d+)$/.exec(t);
    if (m && spec.nth) {
      const n = Number(m[2]);
      if (value(m[1], spec, bad) !== undefined) {
        if (n < 1 || n > 5)
          bad(`"${tok.text}" in the ${label} field asks for occurrence ${n} of a weekday in a month; use 1 to 5`);
        else field.calendar = true;
      }
      return;
    }
    bad(`"${tok.text}" is not allowed in the ${label} field, which takes ${allowed(spec)}`);
    return;
  }
  let body = t;
  let step = 1;
  const slash = t.indexOf('/');
  if (slash >= 0) {
    body = t.slice(0, slash);
    const s = t.slice(slash + 1);
    if (!/^\d+$/.test(s)) {
      bad(`step "${tok.text.slice(slash + 1)}" in the ${label} field is not a whole number`);
      return;
    }
    step = Number(s);
    if (step === 0) {
      bad(`step 0 in the ${label} field "${tok.text}" never advances; use a step of 1 or more`);
      return;
    }
  }
  let lo: number | undefined;
  let hi: number | undefined;
  if (body === '*') {
    lo = spec.min;
    hi = spec.max;
    if (step === 1) {
      field.any = true;
      return;
    }
  } else if (body.includes('-')) {
    const [a, b, ...rest] = body.split('-');
    if (rest.length) {
      bad(`"${tok.text}" in the ${label} field is not a range; write "a-b"`);
      return;
    }
    lo = value(a, spec, bad);
    hi = value(b, spec, bad);
    if (lo === undefined || hi === undefined) return;
    if (lo > hi) {
      bad(`range "${tok.text}" in the ${label} field runs backwards; write "${b}-${a}" or a list`);
      return;
    }
  } else {
    lo = value(body, spec, bad);
    if (lo === undefined) return;
    hi = slash >= 0 ? spec.max : lo;
  }
  if (step > spec.max - spec.min + 1 && slash >= 0 && body === '*') {
    bad(`step ${step} in the ${label} field "${tok.text}" is larger than the field's range ${spec.min}-${spec.max}`);
    return;
  }
  for (let v = lo; v <= hi; v += step) values.add(v);
}

/** A number or a name, checked against the field's range. */
function value(raw: string, spec: FieldSpec, bad: (m: string) => void): number | undefined {
  const label = spec.name;
  const up = raw.toUpperCase();
  if (spec.names && up in spec.names) return spec.names[up];
  if (!/^\d+$/.test(raw)) {
    const names = spec.names ? ` or ${Object.keys(spec.names)[0]}-${Object.keys(spec.names).at(-1)}` : '';
    bad(`"${raw}" is not a valid ${label} value; use ${spec.min}-${spec.max}${names}`);
    return undefined;
  }
  const n = Number(raw);
  if (spec.aliases && n in spec.aliases) return spec.aliases[n];
  if (n < spec.min || n > spec.max) {
    bad(`${label} ${n} is out of range ${spec.min}-${spec.max}`);
    return undefined;
  }
  return n;
}

/** The characters a field takes, for messages: `numbers, names, , - * /` and its specials. */
function allowed(spec: FieldSpec): string {
  const extra = [spec.question && '?', spec.last && 'L', spec.weekday && 'W', spec.nth && '#']
    .filter(Boolean)
    .join(' ');
  return `${spec.min}-${spec.max}${spec.names ? ', names' : ''} and , - * /${extra ? ` ${extra}` : ''}`;
}
