import { ncciVersionFromName } from '@denialmap/shared/cms-formats';
import { InvalidInputError } from '@denialmap/shared/errors';

/** CMS ships each quarter's practitioner PTP edits in four parts, f1-f4, split by column 1 code. */
export const PTP_PARTS = [1, 2, 3, 4];

export interface PtpPartsEdition<F extends { name: string }> {
  /** In part order. */
  files: F[];
  /** What an operator must know before this goes live (parts missing). */
  warnings: string[];
}

/**
 * CMS's PTP part files (ccipra-v###r#-f#.TXT) as one edition: in part order, all of one version
 * and revision, with a warning naming the parts that are missing (activating an incomplete
 * edition drops the edits of the codes in the missing parts).
 */
export function ptpPartsEdition<F extends { name: string }>(files: readonly F[]): PtpPartsEdition<F> {
  const versions = new Set(files.map((f) => {
    const v = ncciVersionFromName(f.name);
    return v ? `${v.version}r${v.revision}` : '?';
  }));
  if (versions.size > 1) {
    throw new InvalidInputError('files', `The PTP parts are from different versions (${[...versions].join(', ')}); load the parts of one version together.`);
  }
  const part = (f: F) => ncciVersionFromName(f.name)?.part ?? 0;
  const sorted = [...files].sort((a, b) => part(a) - part(b));
  const parts = sorted.map(part).filter((p) => p > 0);
  const missing = PTP_PARTS.filter((p) => !parts.includes(p));
  const one = parts.length === 1;
  const warnings =
    missing.length === 0
      ? []
      : [
          `Only part${one ? '' : 's'} ${parts.map((p) => `f${p}`).join(', ') || '(none named)'} of the four CMS publishes (f1–f4) ${one ? 'is' : 'are'} in this upload: activating makes ${one ? 'its' : 'their'} rows the whole PTP table, so edits for codes in ${missing.map((p) => `f${p}`).join(', ')} would be gone until a complete edition is activated. Upload all four parts together.`,
        ];
  return { files: sorted, warnings };
}
