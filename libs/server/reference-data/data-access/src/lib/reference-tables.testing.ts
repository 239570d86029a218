import type { Pool } from 'pg';

/** Every table the reference importers write, for tests that start from an empty state. */
export const REFERENCE_TABLES = [
  'fee_schedule_release',
  'rvu_row',
  'reference_file_import',
  'reference_dataset_release',
  'ncci_ptp_edit',
  'ncci_ptp_rationale',
  'ncci_mue',
  'ncci_add_on_edit',
  'x12_carc',
  'x12_rarc',
  'x12_group_code',
  'modifier',
  'hcpcs_level2',
  'icd10_cm',
  'gpci_locality',
  'locality_county',
  'zip_locality',
  'opps_cap',
  'anesthesia_cf',
];

export async function emptyReferenceTables(pool: Pool): Promise<void> {
  await pool.query(`TRUNCATE ${REFERENCE_TABLES.join(', ')}`);
}
