import { detectCodeSetTable, detectNcciTable } from '@denialmap/shared/cms-formats';
import { ReferenceFileKind } from './import-outcome';
import { readLines } from './line-source';

const CODE_SET_KINDS = { group: 'x12-group', modifiers: 'modifiers', hcpcs: 'hcpcs-level2', icd10: 'icd10-cm' } as const;

/** Recognises a reference file by its content (first lines), never by its name. */
export async function detectReferenceFile(path: string): Promise<ReferenceFileKind | null> {
  let n = 0;
  let adjustmentCodes = false;
  for await (const line of firstLines(path, 20)) {
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
