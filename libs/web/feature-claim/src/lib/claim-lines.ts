/** One line of the claim being edited. */
export interface DraftLine {
  code: string;
  modifiers: string[];
  units: number;
}

/** CPT (five digits, or four and a letter) or HCPCS Level II (a letter and four digits). */
const CODE = /^(\d{4}[0-9A-Z]|[A-Z]\d{4})$/;

/**
 * Lines in the URL: "70390:26:1;76000::1" (code, modifiers joined by "+", units). Malformed
 * pieces are dropped, never guessed.
 */
export function readLines(value: string | null): DraftLine[] {
  return (value ?? '')
    .split(';')
    .map((piece) => piece.split(':'))
    .filter(([code]) => CODE.test((code ?? '').toUpperCase()))
    .map(([code, mods = '', units = '1']) => ({
      code: code.toUpperCase(),
      modifiers: mods ? mods.toUpperCase().split('+').filter((m) => /^[0-9A-Z]{2}$/.test(m)).slice(0, 4) : [],
      units: Number.isInteger(Number(units)) && Number(units) >= 1 && Number(units) <= 999 ? Number(units) : 1,
    }))
    .slice(0, 50);
}

export function writeLines(lines: DraftLine[]): string {
  return lines.map((l) => `${l.code}:${l.modifiers.join('+')}:${l.units}`).join(';');
}

/**
 * A pasted list ("70390-26, 76000 x2; 99213-25") as lines: each token is a code with optional
 * "-MOD" suffixes and an optional "xN" or "*N" unit count.
 */
export function parsePastedCodes(text: string): DraftLine[] {
  const lines: DraftLine[] = [];
  const tokens = text.toUpperCase().split(/[\s,;]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const [code, ...mods] = tokens[i].split('-');
    if (!CODE.test(code)) continue;
    let units = 1;
    const count = /^[X*](\d{1,3})$/.exec(tokens[i + 1] ?? '');
    if (count) {
      units = Math.max(1, Number(count[1]));
      i++;
    }
    lines.push({ code, modifiers: mods.filter((m) => /^[0-9A-Z]{2}$/.test(m)).slice(0, 4), units });
  }
  return lines.slice(0, 50);
}
