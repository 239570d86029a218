import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { CmsFormatError, mueEffectiveFromName, ncciQuarterFromName, ncciVersionFromName } from '@denialmap/shared/cms-formats';
import { DATASETS, DatasetEdition, DatasetImporter, DatasetKind, SourceFormat } from './dataset-importer';
import { detectReferenceFile } from './detect-file';
import { ImportOutcome, ImportProgress } from './import-outcome';
import { PprrvuImporter } from './pprrvu-importer';
import { ptpPartsEdition } from './ptp-parts';

/** One entry point for every reference file: recognise it by content, then run its importer. */
@Injectable()
export class ReferenceImports {
  constructor(
    private readonly pprrvu: PprrvuImporter,
    private readonly datasets: DatasetImporter,
  ) {}

  /**
   * CMS's NCCI PTP parts (ccipra-v###r#-f1..f4.TXT) as one edition: loading them one by one would
   * leave only the last part live. Returns the outcome and what is missing, if anything.
   */
  async importPtpParts(paths: readonly string[], onProgress?: ImportProgress): Promise<{ outcome: ImportOutcome; warnings: string[] }> {
    const edition = ptpPartsEdition(paths.map((path) => ({ path, name: basename(path) })));
    const spec = DATASETS['ncci-ptp'];
    const outcome = await this.datasets.import(
      spec,
      edition.files.map((f) => f.path),
      editionFromName('ncci-ptp', spec.dataset, edition.files[0].name, 'cms'),
      onProgress,
      'cms',
    );
    return { outcome, warnings: edition.warnings };
  }

  /** `edition` overrides what the file name says (the shipped manifest knows each file's vintage). */
  async importFile(path: string, onProgress?: ImportProgress, edition?: DatasetEdition): Promise<ImportOutcome> {
    const file = basename(path);
    const detected = await detectReferenceFile(path);
    if (detected === null) {
      throw new CmsFormatError(
        file,
        1,
        null,
        "not a reference file DenialMap can read: expected a CMS PPRRVU, GPCI, LOCCO, ZIP5, OPPSCAP or ANES file (the RVU zip's .csv or fixed-width .txt members), an NCCI PTP/MUE/add-on table, or a code list (CARC, RARC, group codes, modifiers, HCPCS Level II as CSV or CMS's fixed-width HCPC<year>_..._ANWEB.txt, ICD-10-CM); see data/reference/SOURCES.md",
      );
    }
    const { kind, format } = detected;
    if (kind === 'pprrvu') {
      return this.pprrvu.import(path, onProgress, format);
    }
    const spec = DATASETS[kind];
    try {
      return await this.datasets.import(spec, path, edition ?? editionFromName(kind, spec.dataset, file, format), onProgress, format);
    } catch (error) {
      throw kind === 'locality-counties' && format === 'cms' ? withLoccoCsvHint(error) : error;
    }
  }
}

/**
 * CMS's fixed-width LOCCO export loses text (25LOCCO.txt prints no state for California and cuts
 * long county lists), so whatever the refusal, the operator is pointed at the .csv of the same zip.
 */
function withLoccoCsvHint(error: unknown): unknown {
  if (!(error instanceof CmsFormatError) || /\.csv\b/.test(error.problem)) return error;
  return new CmsFormatError(
    error.file,
    error.line,
    error.column,
    `${error.problem}. CMS's fixed-width LOCCO text drops what its .csv has (no state on 25LOCCO.txt's California rows, county lists cut at character 201): load the .csv member of the same RVU zip (<yy>LOCCO.csv) instead`,
  );
}

const MONTHS: Record<string, string> = { jan: '01', apr: '04', jul: '07', oct: '10' };

/** The edition a file's name declares (CMS names files by quarter, fiscal year or vintage). */
export function editionFromName(kind: DatasetKind, dataset: string, file: string, format: SourceFormat = 'shipped'): DatasetEdition {
  if (format === 'cms' && kind === 'ncci-ptp') {
    // ccipra-v322r0-f1.TXT: version 32.2 = 2026 Q3; a revision (r1...) corrects that quarter's edition.
    const v = ncciVersionFromName(file);
    if (v) return { id: `${dataset}-${v.year}Q${v.quarter}${v.revision > 0 ? `R${v.revision}` : ''}`, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo };
  } else if (format === 'cms' && kind === 'ncci-mue') {
    const from = mueEffectiveFromName(file);
    const quarter = from ? ncciQuarterFromName(`${from.slice(0, 4)}q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`) : null;
    if (from && quarter) return { id: `${dataset}-${quarter.year}Q${quarter.quarter}`, effectiveFrom: from, effectiveTo: quarter.effectiveTo };
  } else if (kind.startsWith('ncci-')) {
    const quarter = ncciQuarterFromName(file);
    if (quarter) return { id: `${dataset}-${quarter.year}Q${quarter.quarter}`, effectiveFrom: quarter.effectiveFrom, effectiveTo: quarter.effectiveTo };
  } else if (kind === 'gpci' || kind === 'anesthesia-cf' || kind === 'locality-counties') {
    const named = kind === 'locality-counties' ? /(\d{2})LOCCO/i.exec(file) : /(?:GPCI|ANES)(20\d\d)/i.exec(file);
    if (named) {
      const year = Number(named[1].length === 2 ? `20${named[1]}` : named[1]);
      return { id: `${dataset}-${year}`, year, effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` };
    }
  } else if (kind === 'zip-locality' || kind === 'opps-cap') {
    const q = /(jan|apr|jul|oct)[a-z]*[-_]?(20\d\d)/i.exec(file);
    if (q) {
      const month = MONTHS[q[1].toLowerCase()];
      return { id: `${dataset}-${q[2]}-${month}`, effectiveFrom: `${q[2]}-${month}-01`, effectiveTo: null };
    }
    if (kind === 'opps-cap' && /OPPSCAP[-_ ]?(jan|apr|jul|oct)[a-z]*\./i.test(file)) {
      // CMS's RVU zip names the member OPPSCAP_Oct.txt: neither the name nor the rows say the year.
      throw new CmsFormatError(
        file,
        1,
        null,
        'unknown release: CMS names this file with its month only (OPPSCAP_Oct.txt) and its rows do not say the year either; rename it with the year of the RVU zip it came from (RVU25D: OPPSCAP_Oct2025.txt) and import it again',
      );
    }
  } else if (kind === 'icd10-cm' && format === 'cms') {
    // The CDC's icd10cm_order_2025.txt is fiscal year 2025 (from 2024-10-01); icd10cm-order-April-2024.txt updates FY2024 from April 1.
    const order = /icd10cm[-_ ]order[-_ ](?:(april)[-_ ])?(20\d\d)/i.exec(file);
    if (order) {
      const year = Number(order[2]);
      return order[1]
        ? { id: `${dataset}-FY${year}-APR`, effectiveFrom: `${year}-04-01`, effectiveTo: `${year}-09-30` }
        : { id: `${dataset}-FY${year}`, effectiveFrom: `${year - 1}-10-01`, effectiveTo: `${year}-09-30` };
    }
  } else if (kind === 'icd10-cm') {
    const fy = /fy(\d{4})/i.exec(file);
    if (fy) return { id: `${dataset}-FY${fy[1]}`, effectiveFrom: `${Number(fy[1]) - 1}-10-01`, effectiveTo: `${fy[1]}-09-30` };
  } else if (kind === 'hcpcs-level2') {
    // hcpcs_level2_2024jul.csv; CMS's quarterly HCPC2026_JAN_ANWEB_v2.txt and annual HCPC2019_CONTR_ANWEB.txt (January).
    const q = /(20\d\d)[-_]?(jan|apr|jul|oct)/i.exec(file) ?? /HCPC(20\d\d)_CONTR_ANWEB/i.exec(file);
    if (q) {
      const month = (q[2] ?? 'jan').toLowerCase();
      return { id: `${dataset}-${q[1]}${month.toUpperCase()}`, effectiveFrom: `${q[1]}-${MONTHS[month]}-01`, effectiveTo: null };
    }
  } else {
    const vintage = /(20\d\d)-(\d\d)/.exec(file);
    if (vintage) return { id: `${dataset}-${vintage[1]}-${vintage[2]}`, effectiveFrom: `${vintage[1]}-${vintage[2]}-01`, effectiveTo: null };
  }
  throw new CmsFormatError(
    file,
    1,
    null,
    'unknown release: the file name must say its edition (NCCI: ptp_practitioner_2024q3.csv, or as CMS names them: ccipra-v322r0-f1.TXT, MCR_MUE_PractitionerServices_Eff_07-01-2026.csv; HCPCS: hcpcs_2024jul.csv, or as CMS names it: HCPC2026_JAN_ANWEB_v2.txt, HCPC2019_CONTR_ANWEB.txt; ICD-10-CM: icd10cm_fy2025.csv, or as the CDC names it: icd10cm_order_2025.txt, icd10cm-order-April-2024.txt; GPCI2026.csv/.txt, 26LOCCO.csv/.txt, ANES2026.csv/.txt; ZIP5_OCT2025.txt; OPPSCAP_Oct2025.csv/.txt; code lists: carc_2024-06.csv)',
  );
}
