import { Args, Query, Resolver } from '@nestjs/graphql';
import { InvalidInputError } from '@denialmap/shared/errors';
import { scanText } from '@denialmap/shared/phi-guard';
import { TextScanObject, toPhiFindingObjects } from './graphql/phi.objects';
import { Public } from '@denialmap/server/core';

/** Longest text scanned in one call: a report's narrative is at most 1,500 characters. */
export const MAX_SCAN_LENGTH = 5_000;

@Public()
@Resolver()
export class ScanTextResolver {
  @Query(() => TextScanObject, {
    description: 'Checks free text for patient identifiers (names, full dates, ages over 89, phone, email, SSN, record/member/claim/account numbers, addresses, ZIP codes, URLs, IP addresses) so a form can warn while the user types. Stores nothing.',
  })
  scanText(@Args('text', { type: () => String }) text: string): TextScanObject {
    if (text.length > MAX_SCAN_LENGTH) {
      throw new InvalidInputError('text', `Text to scan is at most ${MAX_SCAN_LENGTH} characters; ${text.length} were given.`);
    }
    const findings = toPhiFindingObjects(scanText(text));
    return { clean: findings.length === 0, findings };
  }
}
