import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { resolve } from 'node:path';
import { ApiCoreModule, ReferenceAnswerCache } from '@denialmap/server/core';
import { ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { PricingModule } from './pricing.module';

@Module({ imports: [ApiCoreModule, PricingModule] })
class TestApiModule {}

interface GraphqlAnswer {
  data: Record<string, Record<string, unknown>> | null;
  errors?: { message: string; extensions: Record<string, string> }[];
}

const PRICE = `query ($input: PriceInput!) {
  price(input: $input) {
    code modifiers units pricing payable amount feeScheduleAmount limitingCharge rvuRow reason dateOfService setting settingBasis notes
    release { id label conversionFactor conversionFactorSource inForce }
    locality { id name workGpci practiceExpenseGpci malpracticeGpci source }
    steps { rule formula result source }
    findings { kind severity lines carc carcDescription message fix source }
  }
}`;

const CHECK = `query ($input: ClaimInput!) {
  checkClaim(input: $input) {
    total notes release { id }
    lines { line code pricing payable amount reason }
    findings { kind severity lines carc carcDescription message fix source }
  }
}`;

describe('price and checkClaim over HTTP on the shipped CMS data', () => {
  let app: NestFastifyApplication;
  let base: string;

  async function graphql(query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer> {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphqlAnswer;
  }
  const price = async (input: Record<string, unknown>) => (await graphql(PRICE, { input })).data?.['price'] as Record<string, unknown>;
  const check = async (input: Record<string, unknown>) => (await graphql(CHECK, { input })).data?.['checkClaim'] as Record<string, unknown>;
  const badInput = async (query: string, input: Record<string, unknown>) => {
    const { data, errors } = await graphql(query, { input });
    expect(data).toBeNull();
    return errors?.[0];
  };

  beforeAll(async () => {
    process.env['JOBS_MODE'] = 'inline';
    process.env['REFERENCE_DATA_DIR'] = resolve(__dirname, '../../../../../../data/reference');
    process.env['WEB_DIST_DIR'] = '';
    const moduleRef = await Test.createTestingModule({ imports: [TestApiModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
    await app.get(ShippedReferenceData).loadAll();
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 240_000);

  afterAll(() => app?.close());

  describe('golden values through GraphQL', () => {
    it.each([
      ['2025-06-01', [], '109.65', 'RVU25D'],
      ['2025-06-01', ['26'], '17.47', 'RVU25D'],
      ['2025-06-01', ['TC'], '92.19', 'RVU25D'],
      ['2026-08-01', [], '110.56', 'RVU26C'],
    ])('70390 on %s with %j: $%s from %s', async (dateOfService, modifiers, amount, release) => {
      const result = await price({ code: '70390', modifiers, dateOfService, placeOfService: '11' });
      expect(result).toMatchObject({ amount, payable: true, pricing: 'FEE_SCHEDULE', locality: null, release: { id: release, label: `CMS MPFS ${release}` } });
      expect((result['steps'] as { rule: string }[]).at(-1)).toMatchObject({ rule: 'Rounded to cents', result: amount });
    });
  });

  it('answers a repeated question from the answer cache, identically', async () => {
    const cache = app.get(ReferenceAnswerCache);
    const input = { code: '70390', modifiers: ['TC'], dateOfService: '2025-07-04', placeOfService: '11' };
    const first = await graphql(PRICE, { input });
    const hits = cache.hits;
    const second = await graphql(PRICE, { input });
    expect(cache.hits).toBe(hits + 1);
    expect(second).toEqual(first);
    // A different question is computed, not served from another's answer.
    expect(await price({ ...input, modifiers: ['26'] })).toMatchObject({ amount: '17.47' });
  });

  it('prices a locality by id or by ZIP code (Alabama 10112-00)', async () => {
    // 0.38 x 1.000 + 2.98 x 0.869 + 0.03 x 0.575 = 2.98687 x 32.3465 = 96.614790455 -> $96.61
    const byId = await price({ code: '70390', dateOfService: '2025-06-01', locality: '10112-00' });
    expect(byId).toMatchObject({ amount: '96.61', locality: { id: '10112-00', name: 'ALABAMA', workGpci: '1.000', practiceExpenseGpci: '0.869', malpracticeGpci: '0.575' } });
    const byZip = await price({ code: '70390', dateOfService: '2025-06-01', zip: '35004' });
    expect(byZip).toMatchObject({ amount: '96.61', locality: { id: '10112-00' } });
  });

  it('applies the 2026 work GPCI floor only through 2026-01-31', async () => {
    // floor: 0.37 x 1.000 + 2.91 x 0.875 + 0.03 x 0.566 = 2.93323 x 33.4009 = 97.972521907 -> $97.97
    expect(await price({ code: '70390', dateOfService: '2026-01-15', locality: '10112-00' })).toMatchObject({ amount: '97.97' });
    // after: work GPCI 0.988 -> 2.92879 x 33.4009 = 97.824221911 -> $97.82, and the note says why
    const after = await price({ code: '70390', dateOfService: '2026-08-01', locality: '10112-00' });
    expect(after).toMatchObject({ amount: '97.82', notes: expect.arrayContaining([expect.stringContaining('floor was extended only through 2026-01-31')]) });
  });

  it('uses the qualifying APM participant conversion factor in 2026: 3.31 x 33.5675 = 111.108425 -> $111.11', async () => {
    expect(await price({ code: '70390', dateOfService: '2026-08-01', qualifyingApmParticipant: true })).toMatchObject({ amount: '111.11', release: { conversionFactor: '33.5675' } });
  });

  it('caps imaging at the OPPS amount for the locality (70496 in Alabama: MPFS 243.05 > cap 230.40)', async () => {
    const capped = await price({ code: '70496', dateOfService: '2025-06-01', locality: '10112-00' });
    expect(capped).toMatchObject({ amount: '230.40', feeScheduleAmount: '243.05' });
    expect(capped['steps']).toContainEqual(expect.objectContaining({ source: 'OPPSCAP_Oct2025.csv (10112-00)' }));
    const otherYear = await price({ code: '70496', dateOfService: '2026-08-01', locality: '10112-00' });
    expect(otherYear['notes']).toContainEqual(expect.stringContaining('no cap is applied to a 2026 date of service'));
  });

  it('says why a code is not payable instead of $0.00, with the CARC text from the shipped list', async () => {
    // 36000 is status B (bundled) with an MUE of 4.
    const result = await price({ code: '36000', dateOfService: '2025-06-01' });
    expect(result).toMatchObject({ amount: null, payable: false, pricing: 'NOT_PAYABLE', reason: expect.stringContaining('Status B') });
    expect(result['findings']).toContainEqual(expect.objectContaining({ carc: '97', carcDescription: expect.stringMatching(/included in the payment\/allowance for another service/) }));
  });

  it('an MUE of 0 says the code is not reported on a practitioner claim (99070)', async () => {
    const result = await price({ code: '99070', dateOfService: '2025-06-01' });
    expect(result).toMatchObject({ pricing: 'DENIED', amount: null, reason: expect.stringContaining('MUE of 0') });
  });

  it('a non-participating price carries the limiting charge', async () => {
    expect(await price({ code: '70390', dateOfService: '2025-06-01', participating: false })).toMatchObject({ amount: '104.17', limitingCharge: '119.80' });
  });

  it('price applies the MUE to the units billed (70390 MUE 2, MAI 3)', async () => {
    const result = await price({ code: '70390', units: 3, dateOfService: '2025-06-01' });
    expect(result).toMatchObject({ pricing: 'DENIED', payable: false, amount: null });
    expect(result['findings']).toContainEqual(expect.objectContaining({ kind: 'MUE_EXCEEDED', carc: '151' }));
  });

  describe('checkClaim', () => {
    it('finds the shipped PTP edit 70390/76000 (indicator 1) and says which line needs which modifier', async () => {
      const claim = await check({ dateOfService: '2025-06-01', placeOfService: '11', lines: [{ code: '70390' }, { code: '76000' }] });
      expect(claim['lines']).toEqual([
        expect.objectContaining({ line: 1, pricing: 'FEE_SCHEDULE', amount: '109.65' }),
        expect.objectContaining({ line: 2, pricing: 'DENIED', amount: null }),
      ]);
      expect(claim['total']).toBe('109.65');
      expect(claim['findings']).toContainEqual(
        expect.objectContaining({ kind: 'PTP_EDIT', severity: 'ERROR', lines: [1, 2], carc: '236', fix: expect.stringContaining('to line 2'), source: expect.stringMatching(/NCCI/) }),
      );
      const bypassed = await check({ dateOfService: '2025-06-01', lines: [{ code: '70390' }, { code: '76000', modifiers: ['XS'] }] });
      expect((bypassed['lines'] as { pricing: string }[]).map((l) => l.pricing)).toEqual(['FEE_SCHEDULE', 'FEE_SCHEDULE']);
    });

    it('denies an add-on without its primary and prices the rest after multiple-procedure ranking', async () => {
      const claim = await check({ dateOfService: '2025-06-01', lines: [{ code: '20610' }, { code: '11042' }, { code: '64484' }] });
      expect(claim['lines']).toEqual([
        expect.objectContaining({ code: '20610', amount: '31.70' }),
        expect.objectContaining({ code: '11042', amount: '125.18' }),
        expect.objectContaining({ code: '64484', pricing: 'DENIED' }),
      ]);
      expect(claim['total']).toBe('156.88');
      expect(claim['findings']).toContainEqual(expect.objectContaining({ kind: 'ADD_ON_WITHOUT_PRIMARY', lines: [3], carc: '107', fix: expect.stringContaining('64483') }));
    });

    it('checks NCCI edits on a code paid under another fee schedule (0001U, a lab code), with no amount for it', async () => {
      const claim = await check({ dateOfService: '2025-06-01', lines: [{ code: '0001U' }, { code: '0029U' }] });
      expect(claim['lines']).toEqual([
        expect.objectContaining({ code: '0001U', pricing: 'NOT_PAYABLE', amount: null }),
        expect.objectContaining({ code: '0029U', pricing: 'DENIED', amount: null }),
      ]);
      expect(claim['findings']).toContainEqual(expect.objectContaining({ kind: 'PTP_EDIT', lines: [1, 2] }));
      expect(claim['notes']).toContainEqual(expect.stringMatching(/^0001U is not on the physician fee schedule \(RVU25D\).*clinical laboratory fee schedule.*NCCI edits are still checked\.$/));
      // A code nobody publishes is still a mistake, named at its line.
      const typo = await badInput(CHECK, { dateOfService: '2025-06-01', lines: [{ code: '0001U' }, { code: '7039X' }] });
      expect(typo?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].code' });
    });

    it('prices 20 lines in one call', async () => {
      const lines = Array.from({ length: 20 }, (_, i) => ({ code: ['99213', '70390', '97110', '20610', '74177'][i % 5], modifiers: i >= 5 ? ['76'] : [] }));
      const claim = await check({ dateOfService: '2025-06-01', lines });
      expect((claim['lines'] as unknown[]).length).toBe(20);
      expect(Number(claim['total'])).toBeGreaterThan(0);
    });
  });

  describe('bad input is BAD_USER_INPUT with the field named, and nothing is guessed', () => {
    it.each([
      [{ code: '99999', dateOfService: '2025-06-01' }, 'input.code', /not in the Medicare Physician Fee Schedule release RVU25D/],
      [{ code: '7039', dateOfService: '2025-06-01' }, 'input.code', /./],
      [{ code: '70390', modifiers: ['ZZ'], dateOfService: '2025-06-01' }, 'input.modifiers', /not a CPT or HCPCS Level II modifier/],
      [{ code: '70390', units: 0, dateOfService: '2025-06-01' }, 'input.units', /1 to 999/],
      [{ code: '70390', units: 1000, dateOfService: '2025-06-01' }, 'input.units', /1 to 999/],
      [{ code: '70390', dateOfService: '2019-03-01' }, 'input.dateOfService', /No Medicare fee schedule release is loaded for dates of service in 2019/],
      [{ code: '70390', dateOfService: '2025-02-30' }, 'input.dateOfService', /./],
      [{ code: '70390', dateOfService: '2025-06-01', locality: '99999-99' }, 'input.locality', /No Medicare locality 99999-99/],
      [{ code: '70390', dateOfService: '2025-06-01', zip: '00000' }, 'input.zip', /not in the CMS ZIP-to-locality file/],
      [{ code: '70390', dateOfService: '2025-06-01', placeOfService: 'AB' }, 'input.placeOfService', /not a place of service/],
      [{ code: '70390', dateOfService: '2025-06-01', placeOfService: '22', setting: 'NON_FACILITY' }, 'input.setting', /facility setting/],
    ])('price(%j) -> %s', async (input, field, message) => {
      const error = await badInput(PRICE, input);
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error?.message).toMatch(message);
    });

    it('a claim of more than 50 lines names input.lines; a bad line names its index', async () => {
      const tooMany = await badInput(CHECK, { dateOfService: '2025-06-01', lines: Array.from({ length: 51 }, () => ({ code: '99213' })) });
      expect(tooMany?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines' });
      const badLine = await badInput(CHECK, { dateOfService: '2025-06-01', lines: [{ code: '99213' }, { code: '99213', units: -1 }] });
      expect(badLine?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].units' });
    });
  });
});
