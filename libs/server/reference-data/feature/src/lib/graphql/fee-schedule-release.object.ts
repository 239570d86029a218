import { DecimalScalar } from '@denialmap/server/core';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FeeScheduleRelease', { description: 'A CMS Medicare Physician Fee Schedule release (quarterly RVU file).' })
export class FeeScheduleReleaseObject {
  @Field(() => String, { description: 'CMS release id, e.g. RVU25D (2025, October quarter).' }) id!: string;
  @Field(() => String, { description: 'How to cite it: "CMS MPFS RVU25D".' }) label!: string;
  @Field(() => Int) year!: number;
  @Field(() => String, { description: 'A (January), B (April), C (July) or D (October).' }) quarter!: string;
  @Field(() => String, { description: 'First date of service this release governs (YYYY-MM-DD).' }) effectiveFrom!: string;
  @Field(() => String, { description: 'Last date of service this release governs (YYYY-MM-DD).' }) effectiveTo!: string;
  @Field(() => DecimalScalar, { description: 'Conversion factor on every row of the file, dollars per RVU.' }) conversionFactor!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'The other factor of the year (2026 on: qualifying APM participants).' })
  alternateConversionFactor!: string | null;
  @Field(() => String, { nullable: true }) conversionFactorNote!: string | null;
  @Field(() => String, { description: "The file's own title line." }) title!: string;
  @Field(() => String, { nullable: true, description: 'CMS release date printed in the file.' }) releasedOn!: string | null;
  @Field(() => String) sourceFile!: string;
  @Field(() => [String], { description: 'Copyright notices from the file (AMA for CPT, ADA for CDT descriptors).' }) notices!: string[];
  @Field(() => String, { description: 'When DenialMap loaded it (ISO timestamp).' }) importedAt!: string;
}
