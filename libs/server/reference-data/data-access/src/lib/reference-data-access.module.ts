import { Module } from '@nestjs/common';
import { FeeScheduleRepository } from './fee-schedule.repository';
import { NcciRepository } from './ncci.repository';
import { DatasetImporter } from './dataset-importer';
import { PprrvuImporter } from './pprrvu-importer';
import { ReferenceImports } from './reference-imports';
import { ShippedReferenceData } from './shipped-reference-data';

@Module({
  providers: [FeeScheduleRepository, NcciRepository, PprrvuImporter, DatasetImporter, ReferenceImports, ShippedReferenceData],
  exports: [FeeScheduleRepository, NcciRepository, PprrvuImporter, DatasetImporter, ReferenceImports, ShippedReferenceData],
})
export class ReferenceDataAccessModule {}
