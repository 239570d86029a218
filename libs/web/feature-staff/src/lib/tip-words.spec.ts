import type { CuratedTipFieldsFragment } from '@denialmap/web/data-access';
import { changesTip, codeRangeWords, emptyTipDraft, firstProblemField, rangeIncludes, readTipDraft, tipCountWords, tipDraftOf, tipFieldOf, TipDraft } from './tip-words';

const TIP: CuratedTipFieldsFragment = {
  id: '0b7f3c1e-6a51-4c8e-9d61-2f1e0c9a7b10',
  codeFrom: '71250',
  codeTo: '71250',
  topic: 'CODING',
  title: 'Contrast changes the code',
  advice: 'CT of the thorax without contrast is 71250; with contrast it is 71260.',
  source: 'CPT descriptors of 71250 and 71260',
  impactStatement: null,
  impactBasis: null,
  status: 'ACTIVE',
  shipped: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  retiredAt: null,
};

const filled = (change: Partial<TipDraft> = {}): TipDraft => ({ ...tipDraftOf(TIP), ...change });

describe('the tip form', () => {
  it('says what is missing, field by field, and sends nothing until it is there', () => {
    const { problems, input } = readTipDraft(emptyTipDraft());
    expect(input).toBeNull();
    expect(problems).toEqual({
      codeFrom: 'Enter the code the tip is for, e.g. 70390.',
      topic: 'Choose what the tip is about.',
      title: 'Give the tip a title.',
      advice: 'Write the advice.',
      source: 'Say where the advice comes from: a manual and section, a MAC article, a CPT guideline…',
    });
    expect(firstProblemField(problems)).toBe('codeFrom');
    expect(firstProblemField(readTipDraft(filled({ source: ' ', codeTo: '7126' })).problems)).toBe('codeTo');
    expect(readTipDraft(filled({ codeFrom: '7125' })).problems.codeFrom).toBe('A code has 5 letters or digits, e.g. 70390 or G0121.');
  });

  it('sends trimmed text, upper-case codes, and no range end or impact when they are empty', () => {
    expect(readTipDraft(filled({ codeFrom: ' g0121 ', codeTo: 'G0121', title: '  Title  ' })).input).toMatchObject({ codeFrom: 'G0121', codeTo: null, title: 'Title', impactStatement: null, impactBasis: null });
    expect(readTipDraft(filled({ codeFrom: '70010', codeTo: '76499' })).input).toMatchObject({ codeFrom: '70010', codeTo: '76499' });
    // The pair rule is the server's to say, beside the field it names.
    expect(readTipDraft(filled({ impactStatement: 'Paid $40 less' })).input).toMatchObject({ impactStatement: 'Paid $40 less', impactBasis: null });
  });

  it('starts an edit from the tip as stored, and sees when nothing changed', () => {
    expect(tipDraftOf(TIP).codeTo).toBe('');
    expect(tipDraftOf({ ...TIP, codeTo: '71270' }).codeTo).toBe('71270');
    const same = readTipDraft(tipDraftOf(TIP)).input;
    expect(same && changesTip(TIP, same)).toBe(false);
    const retitled = readTipDraft(filled({ title: 'Contrast changes the code: 71260' })).input;
    expect(retitled && changesTip(TIP, retitled)).toBe(true);
    const ranged = readTipDraft(filled({ codeTo: '71270' })).input;
    expect(ranged && changesTip(TIP, ranged)).toBe(true);
  });

  it('finds the field the server named', () => {
    expect(tipFieldOf('input.impactBasis')).toBe('impactBasis');
    expect(tipFieldOf('input.codeTo')).toBe('codeTo');
    expect(tipFieldOf('reason')).toBeNull();
    expect(tipFieldOf('input.somethingNew')).toBeNull();
    expect(tipFieldOf(null)).toBeNull();
  });
});

describe('tips in words', () => {
  it('says a code or a range, and which codes a range covers', () => {
    expect(codeRangeWords(TIP)).toBe('71250');
    expect(codeRangeWords({ codeFrom: '70010', codeTo: '76499' })).toBe('70010 to 76499');
    expect(rangeIncludes({ codeFrom: '70010', codeTo: '76499' }, '71250')).toBe(true);
    expect(rangeIncludes({ codeFrom: '70010', codeTo: '76499' }, '77001')).toBe(false);
    expect(rangeIncludes({ codeFrom: '71250', codeTo: null }, '71250')).toBe(true);
  });

  it('counts the tips shown, with the retired ones when they are shown', () => {
    expect(tipCountWords([{ status: 'ACTIVE' }], '71250', false)).toBe('1 active tip for 71250.');
    expect(tipCountWords([{ status: 'ACTIVE' }, { status: 'RETIRED' }], '71250', true)).toBe('1 active tip and 1 retired tip for 71250.');
    expect(tipCountWords([], '71250', false)).toBe('No active tip covers 71250.');
    expect(tipCountWords([], null, true)).toBe('There are no tips.');
    expect(tipCountWords(Array.from({ length: 200 }, () => ({ status: 'ACTIVE' })), null, false)).toBe('200 active tips. The list stops at 200: choose a code to see the others.');
  });
});
