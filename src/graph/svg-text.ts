// SVG labels that fit wherever the SVG is shown. Graphviz lays text out with its estimate of
// Helvetica's widths (the Adobe font metrics below, per 1000 units of font size, measured from
// @viz-js/viz itself), but the SVG only names "Helvetica,sans-Serif": where Helvetica is missing
// the viewer substitutes (DejaVu Sans on most Linux systems, about 10% wider) and labels overflow
// their boxes. Each label is given the width Graphviz laid it out with (`textLength`, glyphs and
// spacing adjusted), so any substitute font is drawn to exactly that width.

/** Helvetica advance widths of the printable ASCII characters (space … "~"), as Graphviz estimates them. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** The width Graphviz gives `text` at `size`; undefined for text outside printable ASCII (left as drawn). */
export function helveticaWidth(text: string, size: number): number | undefined {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return undefined;
    units += HELVETICA[c - 32];
  }
  return (units * size) / 1000;
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every `<text>` of Graphviz's SVG with `textLength` set to its laid-out width. */
export function fitText(svg: string): string {
  return svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, body: string) => {
    const size = Number(/font-size="([\d.]+)"/.exec(attrs)?.[1]);
    const width = Number.isFinite(size) ? helveticaWidth(decode(body), size) : undefined;
    if (!width || /textLength=/.test(attrs)) return whole;
    return `<text ${attrs} textLength="${width.toFixed(2)}" lengthAdjust="spacingAndGlyphs">${body}</text>`;
  });
}
