export type PtpRole = 'COLUMN_1' | 'COLUMN_2';

export interface PtpEditView {
  column1: string;
  column2: string;
  effectiveDate: string | null;
  deletionDate: string | null;
  modifierIndicator: string;
  rationale: string | null;
}

export interface PtpEditQuery {
  code: string;
  /** Only edits where the code is in this column; both when null. */
  role: PtpRole | null;
  /** Only edits in force on this date of service; all when null. */
  inForceOn: string | null;
  /** Only edits a modifier can (true) or cannot (false) bypass; all when null. */
  modifierAllowed: boolean | null;
  offset: number;
  limit: number;
}

export interface MueView {
  hcpcs: string;
  maxUnits: number;
  adjudicationIndicator: string;
  rationale: string | null;
}

export interface AddOnEditView {
  primaryCode: string;
  addOnCode: string;
  editType: string;
}

export interface DatasetReleaseView {
  id: string;
  dataset: string;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceFile: string;
  rowCount: number;
  importedAt: Date;
}
