import { createHash } from 'node:crypto';
import { narrativeWords, NormalisedReport } from '@denialmap/shared/denial-reports';

/**
 * Same submitter, same structured fields, same story (ignoring case, punctuation and numbers):
 * the same report sent twice. Different submitters never share a fingerprint.
 */
export function reportFingerprint(report: NormalisedReport, submitterHash: string): string {
  const { narrative, ...fields } = report;
  const canonical = JSON.stringify([submitterHash, Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)), narrativeWords(narrative ?? '').join(' ')]);
  return createHash('sha256').update(canonical).digest('hex');
}
