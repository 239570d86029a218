import { detectCodeSetTable, detectNcciTable, detectOfficialHcpcs, detectOfficialIcd10Order, detectOfficialNcci, detectOfficialRvuMember } from '@denialmap/shared/cms-formats';
import type { SourceFormat } from './dataset-importer';
import { ReferenceFileKind } from './import-outcome';
import { readLines } from './line-source';

const CODE_SET_KINDS = { group: 'x12-group', modifiers: 'modifiers', hcpcs: 'hcpcs-level2', icd10: 'icd10-cm' } as const;

export interface DetectedFile {
  kind: ReferenceFileKind;
  /** DenialMap's shipped (converted) layout, or the layout CMS publishes. */
  format: SourceFormat;
}

/** Recognises a reference file, and which layout it has, by its content (first lines), never by its name. */
export async function detectReferenceFile(path: string): Promise<DetectedFile | null> {
  const lines: string[] = [];
  for await (const line of firstLines(path, 20)) lines.push(line);
  const official = detectOfficialNcci(lines);
  if (official) return { kind: `ncci-${official}`, format: 'cms' };
  // Before the shipped layouts: their GPCI and LOCCO title tests match the fixed-width text too.
  const rvuMember = detectOfficialRvuMember(lines);
  if (rvuMember) return { kind: rvuMember, format: 'cms' };
  // A record of 320 characters in the first 20 lines, after CMS's disclaimers or without them
  // (an excerpt that starts at a record is the same layout).
  if (detectOfficialHcpcs(lines)) return { kind: 'hcpcs-level2', format: 'cms' };
  if (detectOfficialIcd10Order(lines)) return { kind: 'icd10-cm', format: 'cms' };
  const kind = detectShippedLayout(lines);
  return kind && { kind, format: 'shipped' };
}

/** The layouts of the files DenialMap ships (CSV conversions, and the ZIP5 file as CMS has it). */
function detectShippedLayout(lines: readonly string[]): ReferenceFileKind | null {
  let n = 0;
  let adjustmentCodes = false;
  for (const line of lines) {
    if (/^HCPCS,MOD,DESCRIPTION,/.test(line) || /^,,\d{4} National Physician Fee Schedule Relative Value File/i.test(line)) {
      return 'pprrvu';
    }
    if (/GEOGRAPHIC PRACTICE COST INDICES/i.test(line)) return 'gpci';
    if (/^COUNTIES INCLUDED IN \d{4} LOCALITIES/i.test(line)) return 'locality-counties';
    if (/^HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,/.test(line)) return 'opps-cap';
    if (/^Contractor,Locality,Locality Name,.*Anes CF/i.test(line)) return 'anesthesia-cf';
    if (n === 0 && /^[A-Z]{2}\d{12}/.test(line) && line.length >= 80) return 'zip-locality';
    if (adjustmentCodes) {
      // CARC and RARC lists share a header; remark codes start with M or N (M1, MA01, N130).
      return /^[MN]/.test(line) ? 'x12-rarc' : 'x12-carc';
    }
    if (n === 0) {
      const ncci = detectNcciTable(line);
      if (ncci) return `ncci-${ncci}`;
      const codeSet = detectCodeSetTable(line);
      if (codeSet === 'x12-adjustment-codes') adjustmentCodes = true;
      else if (codeSet) return CODE_SET_KINDS[codeSet];
    }
    n++;
  }
  return null;
}

/** Up to `count` first lines; leaving early (or finishing) closes the file. */
async function* firstLines(path: string, count: number): AsyncGenerator<string> {
  let n = 0;
  for await (const lines of readLines(path, 'latin1').batches) {
    for (const line of lines) {
      if (n++ >= count) return;
      yield line;
    }
  }
}
