import { scanText } from './scan-text';

const kinds = (text: string) => scanText(text).map((f) => `${f.kind}:${f.text}`);

describe('scanText', () => {
  it.each([
    ['Billed 70390-26 for Maria Lopez on 03/14/2025 and got CO-97.', ['NAME:Maria Lopez', 'DATE:03/14/2025']],
    ['Dr. Patel ordered it; call (555) 123-4567 or fax 555-987-6543.', ['NAME:Dr. Patel', 'PHONE:(555) 123-4567', 'FAX:555-987-6543']],
    ['MRN 00482913, member ID XJH123456789, claim # 2024123456789.', ['MRN:00482913', 'MEMBER_ID:XJH123456789', 'CLAIM_NUMBER:2024123456789']],
    ['Sent to jane.doe@example.com from 192.168.10.24 via https://portal.example.com/claims/123', ['EMAIL:jane.doe@example.com', 'IP_ADDRESS:192.168.10.24', 'URL:https://portal.example.com/claims/123']],
    ['The 92-year-old lives at 45 Oak Avenue, Apt 3B, Springfield, IL 62704.', ['AGE_OVER_89:92-year-old', 'ADDRESS:45 Oak Avenue, Apt 3B', 'ZIP:62704']],
    ['SSN 123-45-6789 and MBI 1EG4-TE5-MK73 were on the form.', ['SSN:123-45-6789', 'MEMBER_ID:1EG4-TE5-MK73']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'Billed 70390-26 and 76000-XU on POS 11 in 2025; CO-97 with N362, paid $109.65 on redetermination.',
    'A 72-year-old patient, MUE of 2 (MAI 3), 3 units of 97110, 3.39 RVUs x 32.3465.',
    'Resubmitted with 59 after 45 days; the 2024 NCCI edition (Q3 2025) still bundles K11.5 with J1100.',
    'Medicare Advantage (Aetna) denied 93306 with CO-16 and MA130; Novitas paid 62.5% for 62.',
    'Grace period ended; will bill the TC to the hospital and mark the 26 line with a 90-day global.',
  ])('leaves billing text alone: %s', (text) => {
    expect(scanText(text)).toEqual([]);
  });
});
