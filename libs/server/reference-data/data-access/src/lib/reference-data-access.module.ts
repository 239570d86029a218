import { Module } from '@nestjs/common';
import { FeeScheduleRepository } from './fee-schedule.repository';
import { PprrvuImporter } from './pprrvu-importer';
import { ShippedReferenceData } from './shipped-reference-data';

@Module({
  providers: [FeeScheduleRepository, PprrvuImporter, ShippedReferenceData],
  exports: [FeeScheduleRepository, PprrvuImporter, ShippedReferenceData],
})
export class ReferenceDataAccessModule {}
