import { checkToolkitRequest } from './toolkit-request';

describe('checkToolkitRequest', () => {
  it('takes a preset’s codes', () => {
    expect(checkToolkitRequest({ preset: 'radiology-head-neck' })).toEqual({ preset: 'radiology-head-neck', codes: ['70390', '70450', '70486', '70487', '70551', '70553', '76536'], email: null });
  });

  it('cleans a typed list: trims, upper-cases, drops repeats', () => {
    expect(checkToolkitRequest({ codes: [' 70390', 'g2211', '70390', ''] }).codes).toEqual(['70390', 'G2211']);
  });

  it('keeps an email only with consent, lower-cased', () => {
    expect(checkToolkitRequest({ codes: ['70390'], email: ' Ada@Example.ORG ', emailConsent: true }).email).toBe('ada@example.org');
  });

  it.each([
    ['an unknown preset', { preset: 'dentistry' }, 'input.preset'],
    ['no codes at all', { codes: [] }, 'input.codes'],
    ['a malformed code', { codes: ['7039'] }, 'input.codes'],
    ['too many codes', { codes: Array.from({ length: 26 }, (_, i) => String(70000 + i)) }, 'input.codes'],
    ['an email without consent', { codes: ['70390'], email: 'ada@example.org', emailConsent: false }, 'input.emailConsent'],
    ['consent without an email', { codes: ['70390'], emailConsent: true }, 'input.email'],
    ['a malformed email', { codes: ['70390'], email: 'ada@', emailConsent: true }, 'input.email'],
  ])('refuses %s, naming %s', (_name, input, field) => {
    expect(() => checkToolkitRequest(input)).toThrow(expect.objectContaining({ field }));
  });
});
