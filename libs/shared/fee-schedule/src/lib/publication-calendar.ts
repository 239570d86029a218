import { IsoDate } from './date-of-service';

/**
 * CMS's publication calendar for the reference tables DenialMap prices and edits with, and which
 * of them are behind it on a given day. Sources (each page states the cadence):
 * - PFS Relative Value Files (cms.gov, Medicare > Payment > Fee Schedules > Physician): the RVU
 *   file is reissued quarterly, A/B/C/D effective Jan 1, Apr 1, Jul 1, Oct 1 (RVU25D = October
 *   2025); corrections such as RVU26AR keep their quarter. See also RVU25D_layout.txt.
 * - Medicare NCCI PTP, MUE and add-on code edit pages (cms.gov, NCCI edits): new practitioner
 *   editions each quarter, effective the first day of the quarter (ccipra-v322r0 = 2026 Q3,
 *   MCR_MUE_PractitionerServices_Eff_07-01-2026.csv; data/reference/official-format-samples).
 * - HCPCS Quarterly Update (cms.gov, HCPCS): Level II files for January, April, July and October
 *   (HCPC2026_OCT_ANWEB).
 * - ICD-10-CM (CMS/CDC NCHS): a new fiscal-year code set every October 1 (FY2027 from 2026-10-01).
 *   CMS has also issued April 1 addenda in some years; those are not on a fixed calendar, so only
 *   the October release is expected here.
 * A release is expected from its effective date on: a date of service that day already needs it.
 */
export const DATASET_FAMILIES = ['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC', 'HCPCS_L2', 'ICD10CM'] as const;
export type DatasetFamily = (typeof DATASET_FAMILIES)[number];

/** A loaded edition of a family: a fee_schedule_release or an active reference_dataset_release. */
export interface LoadedEdition {
  id: string;
  effectiveFrom: string;
}

export interface StaleDataset {
  family: DatasetFamily;
  /** What a biller calls the table: "NCCI procedure-to-procedure (PTP) edits". */
  name: string;
  expectedId: string;
  expectedFrom: IsoDate;
  /** "RVU26D, effective 2026-10-01". */
  expected: string;
  /** The newest loaded edition, or null when none is. */
  loaded: LoadedEdition | null;
  /** The first date of service the loaded data may be wrong for. */
  since: IsoDate;
  /** One plain sentence for a biller: what may be wrong, from when. */
  message: string;
  /** For staff: the CMS file to get and upload. */
  whatToUpload: string;
}

interface FamilyRules {
  name: string;
  /** What may be wrong, as the start of a sentence. */
  subject: string;
  /** Release dates (MM-DD) in the calendar year. */
  releaseDays: readonly string[];
  expectedId(from: IsoDate): string;
  /** An edition in words, e.g. "RVU26C (effective 2026-07-01)" or "the July 2024 file". */
  edition(id: string, from: string): string;
  whatToUpload(id: string, from: IsoDate): string;
}

const QUARTER_DAYS = ['01-01', '04-01', '07-01', '10-01'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const year = (date: string) => Number(date.slice(0, 4));
const month = (date: string) => Number(date.slice(5, 7));
const quarter = (date: string) => Math.floor((month(date) - 1) / 3) + 1;
const mmddyyyy = (date: string) => `${date.slice(5, 7)}-${date.slice(8, 10)}-${date.slice(0, 4)}`;
const fiscalYear = (date: string) => (month(date) >= 10 ? year(date) + 1 : year(date));

const ncci = (name: string, subject: string, prefix: string, upload: (from: IsoDate) => string): FamilyRules => ({
  name,
  subject,
  releaseDays: QUARTER_DAYS,
  expectedId: (from) => `${prefix}-${year(from)}Q${quarter(from)}`,
  edition: (_id, from) => `the edition effective ${from}`,
  whatToUpload: (_id, from) => upload(from),
});

const RULES: Record<DatasetFamily, FamilyRules> = {
  RVU: {
    name: 'Physician fee schedule RVUs',
    subject: 'Fee schedule amounts and RVUs',
    releaseDays: QUARTER_DAYS,
    expectedId: (from) => `RVU${String(year(from) % 100).padStart(2, '0')}${'ABCD'[quarter(from) - 1]}`,
    edition: (id, from) => `${id} (effective ${from})`,
    whatToUpload: (id) => `The PPRRVU file from CMS's ${id} zip (PFS Relative Value Files page).`,
  },
  NCCI_PTP: ncci(
    'NCCI procedure-to-procedure (PTP) edits',
    'NCCI code-pair (PTP) edits',
    'NCCI_PTP',
    (from) => `The four practitioner PTP files (ccipra-…-f1 to f4) effective ${from} from CMS's Medicare NCCI PTP edits page.`,
  ),
  NCCI_MUE: ncci(
    'NCCI medically unlikely edits (MUEs)',
    'Medically unlikely edit (MUE) unit limits',
    'NCCI_MUE',
    (from) => `MCR_MUE_PractitionerServices_Eff_${mmddyyyy(from)}.csv from CMS's Medicare NCCI MUE page.`,
  ),
  NCCI_AOC: ncci(
    'NCCI add-on code edits',
    'Add-on code edits',
    'NCCI_AOC',
    (from) => `The add-on code edit tables effective ${from} from CMS's Medicare NCCI add-on code edits page.`,
  ),
  HCPCS_L2: {
    name: 'HCPCS Level II codes',
    subject: 'HCPCS Level II codes and descriptors',
    releaseDays: QUARTER_DAYS,
    expectedId: (from) => `HCPCS_L2-${year(from)}${MONTHS[month(from) - 1].slice(0, 3).toUpperCase()}`,
    edition: (_id, from) => `the ${MONTHS[month(from) - 1]} ${year(from)} file`,
    whatToUpload: (_id, from) =>
      `The ${MONTHS[month(from) - 1]} ${year(from)} Alpha-Numeric HCPCS file (HCPC${year(from)}_${MONTHS[month(from) - 1].slice(0, 3).toUpperCase()}_ANWEB) from CMS's HCPCS quarterly update page.`,
  },
  ICD10CM: {
    name: 'ICD-10-CM diagnosis codes',
    subject: 'ICD-10-CM diagnosis codes',
    releaseDays: ['10-01'],
    expectedId: (from) => `ICD10CM-FY${fiscalYear(from)}`,
    edition: (_id, from) => `FY${fiscalYear(from)} (effective ${from})`,
    whatToUpload: (_id, from) => `The FY${fiscalYear(from)} ICD-10-CM code files (effective ${from}) from CMS's ICD-10 page.`,
  },
};

/** The newest release date of the family on or before `today`. */
function latestReleaseDate(rules: FamilyRules, today: IsoDate): IsoDate {
  for (let y = year(today); ; y--) {
    const due = [...rules.releaseDays].reverse().map((day) => `${y}-${day}`).find((date) => date <= today);
    if (due) return due as IsoDate;
  }
}

/** The first release date after `date`: the first date of service an edition from `date` may not cover. */
function nextReleaseDate(rules: FamilyRules, date: string): IsoDate {
  for (let y = year(date); ; y++) {
    const next = rules.releaseDays.map((day) => `${y}-${day}`).find((candidate) => candidate > date);
    if (next) return next as IsoDate;
  }
}

/** The release of `family` that should be loaded on `today`: its id and effective date. */
export function expectedEdition(family: DatasetFamily, today: IsoDate): { id: string; effectiveFrom: IsoDate } {
  const rules = RULES[family];
  const effectiveFrom = latestReleaseDate(rules, today);
  return { id: rules.expectedId(effectiveFrom), effectiveFrom };
}

/**
 * The families whose expected release is not loaded on `today`, in DATASET_FAMILIES order. Any
 * loaded edition effective on or after the expected release's date satisfies it (a correction
 * such as RVU26AR, or a release loaded ahead of its effective date).
 */
export function staleReferenceData(today: IsoDate, loaded: Partial<Record<DatasetFamily, readonly LoadedEdition[]>>): StaleDataset[] {
  return DATASET_FAMILIES.flatMap((family) => {
    const rules = RULES[family];
    const expected = expectedEdition(family, today);
    const newest = [...(loaded[family] ?? [])].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1) ?? null;
    if (newest && newest.effectiveFrom >= expected.effectiveFrom) return [];
    const since = newest ? nextReleaseDate(rules, newest.effectiveFrom) : expected.effectiveFrom;
    const current = rules.edition(expected.id, expected.effectiveFrom);
    const message = newest
      ? `${rules.subject} for dates of service from ${since} may differ from what is shown: DenialMap has ${rules.edition(newest.id, newest.effectiveFrom)}, but CMS's current one is ${current}.`
      : `${rules.subject} may be missing or wrong for any date of service: none are loaded, and CMS's current one is ${current}.`;
    return [
      {
        family,
        name: rules.name,
        expectedId: expected.id,
        expectedFrom: expected.effectiveFrom,
        expected: `${expected.id}, effective ${expected.effectiveFrom}`,
        loaded: newest && { id: newest.id, effectiveFrom: newest.effectiveFrom },
        since,
        message,
        whatToUpload: rules.whatToUpload(expected.id, expected.effectiveFrom),
      },
    ];
  });
}
