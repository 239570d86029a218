import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiCoreModule, ReferenceAnswerCache } from '@denialmap/server/core';
import { DenialsModule } from './denials.module';

@Module({ imports: [ApiCoreModule, DenialsModule] })
class TestApiModule {}

describe('scanText over HTTP', () => {
  let app: NestFastifyApplication;
  let base: string;
  const SCAN = 'query ($text: String!) { scanText(text: $text) { clean findings { kind start end text message } } }';
  const scan = async (text: string) =>
    (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SCAN, variables: { text } }) })).json()) as {
      data: { scanText: { clean: boolean; findings: { kind: string; start: number; end: number; text: string }[] } } | null;
      errors?: { message: string; extensions: Record<string, string> }[];
    };

  beforeAll(async () => {
    process.env['JOBS_MODE'] = 'inline';
    process.env['WEB_DIST_DIR'] = '';
    const moduleRef = await Test.createTestingModule({ imports: [TestApiModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(() => app?.close());

  it('names each identifier with its offsets so the form can highlight it', async () => {
    const text = 'Billed 70390-26 for Maria Lopez, DOS 03/14/2025, MRN 00482913; CO-97 paid after 59.';
    const { data } = await scan(text);
    expect(data?.scanText.clean).toBe(false);
    expect(data?.scanText.findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['NAME', 'Maria Lopez'],
      ['DATE', '03/14/2025'],
      ['MRN', '00482913'],
    ]);
  });

  it('passes billing text, and never keeps the text in the answer cache', async () => {
    const cache = app.get(ReferenceAnswerCache);
    const before = cache.size;
    const { data } = await scan('Resubmitted 93306-26 with XU in 2025; CO-236 overturned on redetermination, $62.59.');
    expect(data?.scanText).toEqual({ clean: true, findings: [] });
    expect(cache.size).toBe(before);
  });

  it('refuses text longer than 5,000 characters with BAD_USER_INPUT on the field', async () => {
    const { data, errors } = await scan('x'.repeat(5_001));
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});
