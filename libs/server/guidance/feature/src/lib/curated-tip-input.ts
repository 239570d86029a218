import { CuratedTipContent } from '@denialmap/server/guidance/data-access';
import { InvalidInputError } from '@denialmap/shared/errors';
import { parseHcpcsCode } from '@denialmap/shared/fee-schedule';
import { TipTopic } from '@denialmap/shared/guidance';
import { scanText } from '@denialmap/shared/phi-guard';

export interface CuratedTipDraft {
  codeFrom: string;
  codeTo?: string | null;
  topic: TipTopic;
  title: string;
  advice: string;
  source: string;
  impactStatement?: string | null;
  impactBasis?: string | null;
}

const LIMITS = {
  title: [5, 120],
  advice: [20, 1500],
  source: [5, 500],
  impactStatement: [5, 300],
  impactBasis: [5, 500],
} as const;

/**
 * Checks what a staff member wrote, naming the first field that is wrong (input.<field>): codes,
 * lengths, a source always, an impact only with its basis, and no patient information anywhere.
 */
export function curatedTipContent(draft: CuratedTipDraft, field = 'input'): CuratedTipContent {
  const codeFrom = parseHcpcsCode(draft.codeFrom, `${field}.codeFrom`);
  const codeTo = draft.codeTo?.trim() ? parseHcpcsCode(draft.codeTo, `${field}.codeTo`) : codeFrom;
  if (codeTo < codeFrom) throw new InvalidInputError(`${field}.codeTo`, `The range runs backwards: ${codeTo} comes before ${codeFrom}.`);
  const text = (name: keyof typeof LIMITS, value: string | null | undefined, required: boolean): string | null => {
    const trimmed = (value ?? '').trim();
    if (!trimmed) {
      if (required) throw new InvalidInputError(`${field}.${name}`, `${label(name)} is required.`);
      return null;
    }
    const [min, max] = LIMITS[name];
    if (trimmed.length < min || trimmed.length > max) throw new InvalidInputError(`${field}.${name}`, `${label(name)} has ${min} to ${max} characters.`);
    if (scanText(trimmed).length > 0) throw new InvalidInputError(`${field}.${name}`, `${label(name)} looks like it contains patient information; write it without.`);
    return trimmed;
  };
  const impactStatement = text('impactStatement', draft.impactStatement, false);
  const impactBasis = text('impactBasis', draft.impactBasis, false);
  if (impactStatement && !impactBasis) throw new InvalidInputError(`${field}.impactBasis`, 'An impact statement needs its basis: the figures, file or rule it rests on.');
  if (impactBasis && !impactStatement) throw new InvalidInputError(`${field}.impactStatement`, 'A basis without an impact statement says nothing; add the statement or remove the basis.');
  return {
    codeFrom,
    codeTo,
    topic: draft.topic,
    title: text('title', draft.title, true) as string,
    advice: text('advice', draft.advice, true) as string,
    source: text('source', draft.source, true) as string,
    impactStatement,
    impactBasis,
  };
}

function label(name: keyof typeof LIMITS): string {
  return { title: 'The title', advice: 'The advice', source: 'The source', impactStatement: 'The impact statement', impactBasis: 'The impact basis' }[name];
}
