import { Module } from '@nestjs/common';
import { ScanTextResolver } from './scan-text.resolver';

/** Community denial reports. So far: the patient-information guard behind the report form. */
@Module({ providers: [ScanTextResolver] })
export class DenialsModule {}
