/**
 * The reference files shipped in the repository (data/reference) and what each holds. No
 * framework here: the worker's fast "already loaded?" check reads it without loading Nest.
 */
export type ReferenceFileKind =
  | 'pprrvu'
  | 'ncci-ptp'
  | 'ncci-mue'
  | 'ncci-aoc'
  | 'x12-carc'
  | 'x12-rarc'
  | 'x12-group'
  | 'modifiers'
  | 'hcpcs-level2'
  | 'icd10-cm'
  | 'gpci'
  | 'locality-counties'
  | 'zip-locality'
  | 'opps-cap'
  | 'anesthesia-cf';

/** A dataset edition (vintage) where the file name does not say it. */
export interface ShippedEdition {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  year?: number;
}

/** The reference files shipped in the repository (data/reference), loaded on a first run. */
export interface ShippedFile {
  kind: ReferenceFileKind;
  path: string;
  rows: number;
  /** The vintage, where the file name does not say it (SOURCES.md gives each). */
  edition?: ShippedEdition;
}

export const SHIPPED_REFERENCE_FILES: readonly ShippedFile[] = [
  { kind: 'pprrvu', path: 'rvu/PPRRVU2025_Oct.csv', rows: 19090 },
  { kind: 'pprrvu', path: 'rvu/PPRRVU2026_Jul_nonQPP.csv', rows: 19356 },
  { kind: 'ncci-ptp', path: 'ncci/ptp_practitioner_2024q3.csv.gz', rows: 2546017 },
  { kind: 'ncci-mue', path: 'ncci/mue_practitioner_2024q3.csv', rows: 14677 },
  { kind: 'ncci-aoc', path: 'ncci/aoc_practitioner_2024q3.csv', rows: 7465 },
  // X12/CMS code lists as published in June 2024 (SOURCES.md).
  { kind: 'x12-carc', path: 'carc-rarc/carc.csv', rows: 405, edition: { id: 'X12_CARC-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'x12-rarc', path: 'carc-rarc/rarc.csv', rows: 1171, edition: { id: 'X12_RARC-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'x12-group', path: 'carc-rarc/group_codes.csv', rows: 5, edition: { id: 'X12_GROUP-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'modifiers', path: 'modifiers/modifiers.csv', rows: 433, edition: { id: 'MODIFIERS-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'hcpcs-level2', path: 'hcpcs/hcpcs_level2_2024jul.csv', rows: 8033 },
  { kind: 'icd10-cm', path: 'icd10/icd10cm_fy2024_order.csv.gz', rows: 97296 },
  { kind: 'gpci', path: 'gpci/GPCI2025.csv', rows: 109 },
  { kind: 'gpci', path: 'gpci/GPCI2026.csv', rows: 109 },
  { kind: 'locality-counties', path: 'gpci/25LOCCO.csv', rows: 110 },
  { kind: 'locality-counties', path: 'gpci/26LOCCO.csv', rows: 110 },
  { kind: 'zip-locality', path: 'gpci/ZIP5_OCT2025.txt', rows: 42956 },
  { kind: 'opps-cap', path: 'rvu/OPPSCAP_Oct2025.csv', rows: 16100 },
  { kind: 'anesthesia-cf', path: 'rvu/ANES2025.csv', rows: 109 },
  { kind: 'anesthesia-cf', path: 'rvu/ANES2026.csv', rows: 109 },
];

