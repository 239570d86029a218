import { InvalidInputError } from '@denialmap/shared/errors';

/**
 * HCPCS codes are five characters: CPT Level I (five digits; Category II/III and PLA codes are
 * four digits plus F, T or U; a few older codes end in M) or Level II (a letter A-V plus four
 * digits, which includes CDT's D-codes).
 */
const HCPCS_PATTERN = /^(?:\d{4}[\dFTUM]|[A-V]\d{4})$/;

export type HcpcsLevel = 'CPT' | 'HCPCS_LEVEL_II';

/** True for a trimmed, upper-case string that can be a HCPCS code. */
export function isHcpcsCode(code: string): boolean {
  return HCPCS_PATTERN.test(code);
}

/** Trims and upper-cases a code, then refuses anything that cannot be a HCPCS code. */
export function parseHcpcsCode(raw: string, field = 'code'): string {
  const code = raw.trim().toUpperCase();
  if (!HCPCS_PATTERN.test(code)) {
    throw new InvalidInputError(
      field,
      `"${raw}" is not a CPT/HCPCS code. Codes are five characters: five digits (70390), four digits and F/T/U (0001F), or a letter and four digits (G0121).`,
    );
  }
  return code;
}

export function hcpcsLevel(code: string): HcpcsLevel {
  return /^\d/.test(code) ? 'CPT' : 'HCPCS_LEVEL_II';
}
