import type { CuratedTipFieldsFragment, CuratedTipInput, TipTopic } from '@denialmap/web/data-access';
import { plural, TIP_TOPICS } from './words';

/** The tip form's fields in the order they appear, so focus can go to the first one with a problem. */
export const TIP_FIELDS = ['codeFrom', 'codeTo', 'topic', 'title', 'advice', 'source', 'impactStatement', 'impactBasis'] as const;
export type TipField = (typeof TIP_FIELDS)[number];

/** The form as typed; the topic stays '' until one is chosen (no topic is a sensible default). */
export type TipDraft = Record<Exclude<TipField, 'topic'>, string> & { topic: TipTopic | '' };
export type TipProblems = Partial<Record<TipField, string>>;

/** The most tips `curatedTips` answers with; a longer list is cut there. */
export const TIP_LIST_CAP = 200;

const CODE_SHAPE = /^[A-Z0-9]{5}$/;
const TOPICS = Object.keys(TIP_TOPICS) as TipTopic[];

export const normalCode = (typed: string): string => typed.trim().toUpperCase();
export const looksLikeCode = (code: string): boolean => CODE_SHAPE.test(code);
export const isTipTopic = (value: string): value is TipTopic => (TOPICS as string[]).includes(value);

export function emptyTipDraft(code = ''): TipDraft {
  return { codeFrom: code, codeTo: '', topic: '', title: '', advice: '', source: '', impactStatement: '', impactBasis: '' };
}

/** A tip as the edit form starts: a one-code tip leaves "last code" empty rather than repeating it. */
export function tipDraftOf(tip: CuratedTipFieldsFragment): TipDraft {
  return {
    codeFrom: tip.codeFrom,
    codeTo: tip.codeTo === tip.codeFrom ? '' : tip.codeTo,
    topic: tip.topic,
    title: tip.title,
    advice: tip.advice,
    source: tip.source,
    impactStatement: tip.impactStatement ?? '',
    impactBasis: tip.impactBasis ?? '',
  };
}

/**
 * Reads the form: what is missing or cannot be a code is said here, and the rest goes to the API
 * as `input` (null while there is a problem). Lengths, the impact statement and its basis, and
 * patient information are left to the server, whose words come back beside the field: one judge,
 * so the page and the API never disagree.
 */
export function readTipDraft(draft: TipDraft): { problems: TipProblems; input: CuratedTipInput | null } {
  const problems: TipProblems = {};
  const codeFrom = normalCode(draft.codeFrom);
  const codeTo = normalCode(draft.codeTo);
  if (!codeFrom) problems.codeFrom = 'Enter the code the tip is for, e.g. 70390.';
  else if (!looksLikeCode(codeFrom)) problems.codeFrom = 'A code has 5 letters or digits, e.g. 70390 or G0121.';
  if (codeTo && !looksLikeCode(codeTo)) problems.codeTo = 'A code has 5 letters or digits; leave it empty for a tip on one code.';
  if (!draft.topic) problems.topic = 'Choose what the tip is about.';
  if (!draft.title.trim()) problems.title = 'Give the tip a title.';
  if (!draft.advice.trim()) problems.advice = 'Write the advice.';
  if (!draft.source.trim()) problems.source = 'Say where the advice comes from: a manual and section, a MAC article, a CPT guideline…';
  if (Object.keys(problems).length > 0 || !draft.topic) return { problems, input: null };
  return {
    problems,
    input: {
      codeFrom,
      codeTo: codeTo && codeTo !== codeFrom ? codeTo : null,
      topic: draft.topic,
      title: draft.title.trim(),
      advice: draft.advice.trim(),
      source: draft.source.trim(),
      impactStatement: draft.impactStatement.trim() || null,
      impactBasis: draft.impactBasis.trim() || null,
    },
  };
}

/** The first field, in form order, that has a problem. */
export function firstProblemField(problems: TipProblems): TipField | null {
  return TIP_FIELDS.find((field) => problems[field]) ?? null;
}

/** The form field the server pinned a refusal on ("input.source" is `source`), or null. */
export function tipFieldOf(serverField: string | null): TipField | null {
  const name = serverField?.startsWith('input.') ? serverField.slice('input.'.length) : null;
  return name && (TIP_FIELDS as readonly string[]).includes(name) ? (name as TipField) : null;
}

/** Whether saving the edit would change the tip (otherwise it would only add an audit entry). */
export function changesTip(tip: CuratedTipFieldsFragment, input: CuratedTipInput): boolean {
  const before = { ...tipDraftOf(tip), codeTo: tip.codeTo };
  const after = { ...input, codeTo: input.codeTo ?? input.codeFrom, impactStatement: input.impactStatement ?? '', impactBasis: input.impactBasis ?? '' };
  return (Object.keys(before) as (keyof typeof before)[]).some((key) => before[key] !== after[key]);
}

/** "71250", or "70010 to 76499" for a range. */
export function codeRangeWords(tip: { codeFrom: string; codeTo: string | null | undefined }): string {
  return tip.codeTo && tip.codeTo !== tip.codeFrom ? `${tip.codeFrom} to ${tip.codeTo}` : tip.codeFrom;
}

/** Whether a tip shows for the code, compared as the server compares them (as text). */
export function rangeIncludes(tip: { codeFrom: string; codeTo: string | null | undefined }, code: string): boolean {
  return tip.codeFrom <= code && code <= (tip.codeTo || tip.codeFrom);
}

/** "2 active tips for 71250.", "No active tip covers 71250.", with the retired ones when shown. */
export function tipCountWords(tips: readonly { status: string }[], code: string | null, includeRetired: boolean): string {
  const retired = tips.filter((t) => t.status === 'RETIRED').length;
  const active = tips.length - retired;
  const forCode = code ? ` for ${code}` : '';
  let words: string;
  if (tips.length === 0) words = code ? `No ${includeRetired ? '' : 'active '}tip covers ${code}.` : `There are no ${includeRetired ? '' : 'active '}tips.`;
  else words = `${plural(active, 'active tip')}${includeRetired ? ` and ${plural(retired, 'retired tip')}` : ''}${forCode}.`;
  return tips.length >= TIP_LIST_CAP ? `${words} The list stops at ${TIP_LIST_CAP}: choose a code to see the others.` : words;
}
