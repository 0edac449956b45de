// `@every <duration>` (Alibaba, Huawei): a Go duration such as 5m, 1h30m, 1.5h.
import type { Problem } from './types.js';

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

const dayPart = (start: number, i: number, n: number) => ({ start: start + i, end: start + i + n });

/**
 * Seconds in a Go duration, or a problem. `units` are the units the dialect documents; `decimals`
 * whether it documents fractions (Huawei's "@every 1.5h").
 */
export function goDuration(
  text: string,
  start: number,
  units: string[],
  decimals: boolean,
): { seconds?: number; problem?: Problem } {
  const whole = { start, end: start + Math.max(text.length, 1) };
  if (text === '') return { problem: { message: '"@every" needs a duration such as "@every 5m"', ...whole } };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/y;
  let seconds = 0;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    const days = m ? undefined : /^(\d+(?:\.\d+)?)d/y.exec(text.slice(i));
    if (days) {
      // Go durations have no days (a fixed rate "3d" does; "@every 3d" does not)
      const whole = /^\d+(?:\.\d+)?d$/.test(text);
      const hours = Number(days[1]) * 24;
      return {
        problem: {
          message: `"${text}" is not a duration: "@every" takes ${units.join(', ')}, not days (d)${whole ? `; write "@every ${hours}h"` : '; write the days as hours (1d = 24h)'}`,
          ...dayPart(start, i, days[0].length),
        },
      };
    }
    if (!m)
      return {
        problem: {
          message: `"${text}" is not a duration; write a number and a unit (${units.join(', ')}), e.g. "5m" or "1h30m"`,
          ...whole,
        },
      };
    if (!units.includes(m[2])) {
      return {
        problem: {
          message: `unit "${m[2]}" in "@every ${text}" is not one this vendor documents; use ${units.join(', ')}`,
          start: start + i,
          end: start + i + m[0].length,
        },
      };
    }
    if (!decimals && m[1].includes('.')) {
      return {
        problem: {
          message: `"${m[0]}" in "@every ${text}" has a fraction; write whole units, e.g. "1h30m"`,
          start: start + i,
          end: start + i + m[0].length,
        },
      };
    }
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
    i = re.lastIndex;
  }
  if (seconds <= 0)
    return {
      problem: { message: `"@every ${text}" is zero: the timer never advances; use a positive duration`, ...whole },
    };
  return { seconds };
}
