export interface AdjustmentCodeView {
  code: string;
  description: string;
  usage: string | null;
  notes: string | null;
  startDate: string | null;
  lastModified: string | null;
  stopDate: string | null;
}

export interface GroupCodeView {
  code: string;
  description: string;
}

export interface ModifierView {
  modifier: string;
  modifierType: string;
  category: string | null;
  description: string;
  informationLevel2: string | null;
}

export interface Icd10View {
  code: string;
  billable: boolean;
  description: string;
  chapterName: string | null;
  categoryTitle: string | null;
}

export interface CodeSearchHit {
  code: string;
  shortDescriptor: string;
  longDescriptor: string | null;
  statusCode: string | null;
  level: 'CPT' | 'HCPCS_LEVEL_II';
}

/** What the reference tables know of the codes a denial report names (one query). */
export interface ReportCodeFacts {
  /** In any loaded fee schedule release, or in HCPCS Level II. */
  codeKnown: boolean;
  knownModifiers: string[];
  carc: { code: string; stopDate: string | null } | null;
  rarcs: { code: string; stopDate: string | null }[];
  icd10: { code: string; billable: boolean }[];
}
