import { Module } from '@nestjs/common';
import { CodeSetRepository } from './code-set.repository';
import { FeeScheduleRepository } from './fee-schedule.repository';
import { LocalityRepository } from './locality.repository';
import { NcciRepository } from './ncci.repository';
import { DatasetImporter } from './dataset-importer';
import { PprrvuImporter } from './pprrvu-importer';
import { ReferenceImports } from './reference-imports';
import { ShippedReferenceData } from './shipped-reference-data';
import { ReleaseCatalog } from './release-catalog';
import { DatasetCatalog } from './dataset-catalog';
import { ReferenceDataVersion } from './reference-data-version';
import { ReferenceReleases } from './reference-releases';
import { ReferenceUploadRepository } from './reference-upload.repository';
import { UploadStaging } from './upload-staging';

@Module({
  providers: [LocalityRepository, CodeSetRepository, FeeScheduleRepository, NcciRepository, PprrvuImporter, DatasetImporter, ReferenceImports, ShippedReferenceData, ReleaseCatalog, DatasetCatalog, ReferenceDataVersion, ReferenceReleases, ReferenceUploadRepository, UploadStaging],
  exports: [LocalityRepository, CodeSetRepository, FeeScheduleRepository, NcciRepository, PprrvuImporter, DatasetImporter, ReferenceImports, ShippedReferenceData, ReleaseCatalog, DatasetCatalog, ReferenceDataVersion, ReferenceReleases, ReferenceUploadRepository, UploadStaging],
})
export class ReferenceDataAccessModule {}
