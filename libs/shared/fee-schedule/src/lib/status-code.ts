/**
 * MPFS status codes, CMS RVU file layout Attachment A. Only A, R and T rows carry RVUs used for
 * payment; everything else must be explained, never priced as $0.00.
 */
export interface StatusCodeMeaning {
  code: string;
  label: string;
  meaning: string;
  /** True when the national RVUs may be used to compute a payment. */
  paidFromRvus: boolean;
}

const MEANINGS: StatusCodeMeaning[] = [
  { code: 'A', label: 'Active', meaning: 'Paid separately under the physician fee schedule, if covered.', paidFromRvus: true },
  { code: 'B', label: 'Bundled', meaning: 'Always bundled into payment for other services; not separately payable. RVUs shown are not used for payment.', paidFromRvus: false },
  { code: 'C', label: 'Contractor priced', meaning: 'The Medicare Administrative Contractor (MAC) sets the payment, usually case by case after reviewing documentation.', paidFromRvus: false },
  { code: 'D', label: 'Deleted', meaning: 'Deleted effective the beginning of the year.', paidFromRvus: false },
  { code: 'E', label: 'Excluded by regulation', meaning: 'Excluded from the physician fee schedule by regulation; no fee schedule payment.', paidFromRvus: false },
  { code: 'F', label: 'Deleted/discontinued', meaning: 'Deleted or discontinued with no grace period.', paidFromRvus: false },
  { code: 'G', label: 'Not valid for Medicare', meaning: 'Not valid for Medicare; Medicare uses another code (90-day grace period).', paidFromRvus: false },
  { code: 'H', label: 'Deleted modifier', meaning: 'The 26 or TC component shown for this code was deleted this year.', paidFromRvus: false },
  { code: 'I', label: 'Not valid for Medicare', meaning: 'Not valid for Medicare; Medicare uses another code (no grace period).', paidFromRvus: false },
  { code: 'J', label: 'Anesthesia service', meaning: 'Anesthesia service: no RVUs; paid on the anesthesia fee schedule (base and time units).', paidFromRvus: false },
  { code: 'M', label: 'Measurement code', meaning: 'Measurement code, used for reporting only; not paid.', paidFromRvus: false },
  { code: 'N', label: 'Non-covered', meaning: 'Not covered by Medicare.', paidFromRvus: false },
  { code: 'P', label: 'Bundled/excluded', meaning: 'No RVUs and no fee schedule payment: bundled when incident to a physician service, otherwise paid under another provision.', paidFromRvus: false },
  { code: 'R', label: 'Restricted coverage', meaning: 'Special coverage instructions apply; if covered, the service is contractor priced.', paidFromRvus: true },
  { code: 'T', label: 'Injection', meaning: 'Paid only when no other physician fee schedule service is billed by the same provider on the same date; otherwise bundled.', paidFromRvus: true },
  { code: 'X', label: 'Statutory exclusion', meaning: 'Not a "physician service" by statute (e.g. ambulance, clinical lab); no fee schedule payment.', paidFromRvus: false },
];

const BY_CODE = new Map(MEANINGS.map((m) => [m.code, m]));

export function statusCodeMeaning(code: string): StatusCodeMeaning {
  return (
    BY_CODE.get(code) ?? {
      code,
      label: 'Unknown status',
      meaning: `Status "${code}" is not defined in the CMS record layout this release was checked against.`,
      paidFromRvus: false,
    }
  );
}

export const STATUS_CODES: readonly StatusCodeMeaning[] = MEANINGS;
