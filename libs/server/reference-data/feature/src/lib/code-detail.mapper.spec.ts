import { descriptorNotice, releaseLabel } from './code-detail.mapper';

const notices = [
  'CPT codes and descriptions only are copyright 2024 American Medical Association. All Rights Reserved.',
  'Dental codes (D codes) are copyright 2025/26 American Dental Association. All Rights Reserved.',
];

describe('descriptor notices', () => {
  it.each([
    ['70390', /American Medical Association/],
    ['0001F', /American Medical Association/],
    ['D0120', /American Dental Association/],
  ])('%s carries the notice from the file', (code, expected) => {
    expect(descriptorNotice(code, notices)).toMatch(expected);
  });

  it('HCPCS Level II descriptors are public domain: no notice', () => {
    expect(descriptorNotice('G0121', notices)).toBeNull();
  });

  it('falls back to a standard notice when the file had none', () => {
    expect(descriptorNotice('70390', [])).toMatch(/American Medical Association/);
  });

  it('cites releases the way billers read them', () => {
    expect(releaseLabel({ id: 'RVU25D' })).toBe('CMS MPFS RVU25D');
  });
});
