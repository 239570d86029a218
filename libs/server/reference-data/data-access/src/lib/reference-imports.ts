import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { CmsFormatError, ncciQuarterFromName } from '@denialmap/shared/cms-formats';
import { DATASETS, DatasetImporter } from './dataset-importer';
import { detectReferenceFile } from './detect-file';
import { ImportOutcome, ImportProgress } from './import-outcome';
import { PprrvuImporter } from './pprrvu-importer';

/** One entry point for every reference file: recognise it by content, then run its importer. */
@Injectable()
export class ReferenceImports {
  constructor(
    private readonly pprrvu: PprrvuImporter,
    private readonly datasets: DatasetImporter,
  ) {}

  async importFile(path: string, onProgress?: ImportProgress): Promise<ImportOutcome> {
    const file = basename(path);
    const kind = await detectReferenceFile(path);
    if (kind === null) {
      throw new CmsFormatError(
        file,
        1,
        null,
        'not a reference file DenialMap can read: expected a CMS PPRRVU relative value file or an NCCI PTP/MUE/add-on table (see data/reference/SOURCES.md)',
      );
    }
    if (kind === 'pprrvu') {
      return this.pprrvu.import(path, onProgress);
    }
    const quarter = ncciQuarterFromName(file);
    if (!quarter) {
      throw new CmsFormatError(file, 1, null, 'unknown release: an NCCI file name must carry its quarter, e.g. ptp_practitioner_2024q3.csv');
    }
    const spec = DATASETS[kind];
    return this.datasets.import(
      spec,
      path,
      { id: `${spec.dataset}-${quarter.year}Q${quarter.quarter}`, effectiveFrom: quarter.effectiveFrom, effectiveTo: quarter.effectiveTo },
      onProgress,
    );
  }
}
