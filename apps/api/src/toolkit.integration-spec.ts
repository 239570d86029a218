import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { ApiStack, createAdminWithCli, eventually, signIn } from './testing/api-stack.testing';

const REQUEST = `mutation ($input: ToolkitRequestInput!) { requestToolkit(input: $input) { id status progress codes preset downloadPath expiresAt } }`;
const STATUS = `query ($id: String!) { toolkit(id: $id) { id status progress pages bytes downloadPath error } }`;
const OPTIONS = `{ toolkitOptions { presets { id name codes } maxCodes consentText downloadHours } }`;
const ROOT = resolve(__dirname, '../../..');

type Toolkit = { id: string; status: string; progress: number; pages: number | null; bytes: number | null; downloadPath: string | null; error: string | null; codes: string[] };

let stack: ApiStack;
let scratch: string;
const from = (n: number) => ({ 'x-forwarded-for': `192.0.2.${n}` });
const request = (input: Record<string, unknown>, n = 1) => stack.graphql<{ requestToolkit: Toolkit }>(REQUEST, { input }, from(n));
const ready = (id: string) =>
  eventually(async () => {
    const t = (await stack.graphql<{ toolkit: Toolkit }>(STATUS, { id })).data.toolkit;
    if (t.status === 'FAILED') throw new Error(`failed for good: ${t.error}`);
    if (t.status !== 'READY') throw new Error(`still ${t.status} at ${t.progress}%`);
    return t;
  }, 60_000);

/** The PDF's pages and text, read back with pdf.js (in a process of its own: it is ES modules only). */
function pdfText(bytes: Buffer): { pages: number; title: string; text: string[] } {
  const file = join(scratch, `t-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, ['tools/testing/pdf-text.mjs', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`pdf-text failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

beforeAll(async () => {
  stack = await ApiStack.start({ TOOLKITS_PER_HOUR: '4', TOOLKIT_TTL_HOURS: '24' });
  scratch = mkdtempSync(join(tmpdir(), 'dm-toolkit-'));
  await stack.api.get(ShippedReferenceData).loadAll(['ncci-ptp', 'ncci-mue', 'ncci-aoc']);
}, 180_000);
afterAll(() => stack?.stop());

describe('the Revenue Protection Toolkit', () => {
  let radiology: Toolkit;

  it('offers specialty presets, the code limit and the consent sentence', async () => {
    const { toolkitOptions } = (await stack.graphql<{ toolkitOptions: { presets: { id: string; codes: string[] }[]; maxCodes: number; consentText: string; downloadHours: number } }>(OPTIONS)).data;
    expect(toolkitOptions.presets.map((p) => p.id)).toContain('radiology-head-neck');
    expect(toolkitOptions.maxCodes).toBe(25);
    expect(toolkitOptions.downloadHours).toBe(24);
    expect(toolkitOptions.consentText).toMatch(/^I agree that DenialMap may keep this email address/);
  });

  it('builds a PDF for a preset in a BullMQ job, with progress, and serves it for download', async () => {
    const answer = await request({ preset: 'radiology-head-neck', dateOfService: '2025-06-01', email: 'Biller@Example.org', emailConsent: true });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.requestToolkit).toMatchObject({ preset: 'radiology-head-neck', codes: ['70390', '70450', '70486', '70487', '70551', '70553', '76536'], downloadPath: null });
    radiology = await ready(answer.data.requestToolkit.id);
    expect(radiology).toMatchObject({ progress: 100, downloadPath: `/downloads/toolkit-${radiology.id}.pdf` });
    expect(radiology.pages).toBeGreaterThanOrEqual(9);

    const response = await fetch(`${stack.base}${radiology.downloadPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="denialmap-toolkit-[0-9a-f]{8}\.pdf"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(radiology.bytes);

    const pdf = pdfText(bytes);
    expect(pdf.pages).toBe(radiology.pages);
    expect(pdf.title).toBe('DenialMap Revenue Protection Toolkit: Radiology: head and neck imaging');
    const all = pdf.text.join('\n');
    // The cover: releases and the bundling conflicts among the chosen codes, in force on the date.
    expect(pdf.text[0]).toContain('Revenue Protection Toolkit');
    expect(pdf.text[0]).toContain('CMS Medicare Physician Fee Schedule RVU25D (PPRRVU2025_Oct.csv)');
    expect(pdf.text[0]).toContain('effective 2024-07-01');
    expect(pdf.text[0]).toContain('70487 + 70486');
    expect(pdf.text[0]).toContain('70553 + 70551');
    // 70450 + 70486 was deleted long ago: not a conflict.
    expect(pdf.text[0]).not.toContain('70450 + 70486');
    // A page per code: 70390's unit limit, the 26/TC split with the money at stake, an editor's tip.
    // 70390's section, which may run over two pages, up to the next code's.
    const page70390 = all.slice(all.indexOf('70390 X-ray exam of salivary duct'), all.indexOf('70450 '));
    expect(page70390).toContain('At most 2 units per day (MUE)');
    expect(page70390).toContain('Split billing: 26 for the reading, TC for the equipment ($92.19 at stake)');
    expect(page70390).toContain('Hospital patient: the radiologist bills 26 only');
    // No suite reports 76536, the last code (70390 may be unlocked by another suite sharing this database).
    const page76536 = all.slice(all.indexOf('76536 '), all.indexOf('Notices'));
    expect(page76536).toContain('No community data yet: 5 more billers must report 76536');
    expect(all).toContain('American Medical Association');
  });

  it('keeps the consented email apart, exportable by admins only, and linked to nothing', async () => {
    const rows = await stack.prisma.$queryRawUnsafe<{ email: string; consent_text: string }[]>(`SELECT email, consent_text FROM toolkit_contact`);
    expect(rows).toEqual([{ email: 'biller@example.org', consent_text: expect.stringMatching(/^I agree that DenialMap may keep/) }]);
    const columns = await stack.prisma.$queryRawUnsafe<{ column_name: string }[]>(`SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'toolkit_contact' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'email', 'consent_text', 'consented_at']);
    const docColumns = await stack.prisma.$queryRawUnsafe<{ column_name: string }[]>(`SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'toolkit_document'`);
    expect(docColumns.map((c) => c.column_name).filter((c) => /email|contact|ip|address|submitter/.test(c))).toEqual([]);

    expect((await fetch(`${stack.base}/exports/toolkit-contacts.csv`)).status).toBe(401);
    expect(createAdminWithCli('toolkit.admin@example.org', 'the toolkit admin passphrase').status).toBe(0);
    const cookie = await signIn(stack, 'toolkit.admin@example.org', 'the toolkit admin passphrase');
    const csv = await fetch(`${stack.base}/exports/toolkit-contacts.csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('email,consented_at,consent_text');
    expect(lines[1]).toMatch(/^biller@example\.org,\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['an email without consent', { codes: ['70390'], email: 'someone@example.org', emailConsent: false }, 'input.emailConsent'],
    ['a code the fee schedule does not price', { codes: ['70390', 'E2610'], dateOfService: '2025-06-01' }, 'input.codes'],
    ['an unknown preset', { preset: 'dentistry' }, 'input.preset'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, input, field) => {
    const before = await stack.count(`SELECT (SELECT count(*) FROM toolkit_document) + (SELECT count(*) FROM toolkit_contact) AS n`);
    const answer = await request(input, 50);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.count(`SELECT (SELECT count(*) FROM toolkit_document) + (SELECT count(*) FROM toolkit_contact) AS n`)).toBe(before);
  });

  it('builds a typed list of codes too', async () => {
    const answer = await request({ codes: ['27447', ' 20610 '], dateOfService: '2026-08-01' }, 2);
    const done = await ready(answer.data.requestToolkit.id);
    const pdf = pdfText(Buffer.from(await (await fetch(`${stack.base}${done.downloadPath}`)).arrayBuffer()));
    expect(pdf.title).toBe('DenialMap Revenue Protection Toolkit: Your codes: 27447, 20610');
    expect(pdf.text[0]).toContain('RVU26C');
    expect(pdf.text.join(' ')).toContain('90-day global: which modifier for what');
  });

  it('limits toolkits per connection and says when to come back', async () => {
    for (let i = 0; i < 4; i++) expect((await request({ codes: ['70390'] }, 60)).errors).toBeUndefined();
    const refused = await request({ codes: ['70390'] }, 60);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0].message).toMatch(/try again in \d+ minutes/);
  });

  it('forgets an expired toolkit: the download answers 410 and the status says it expired', async () => {
    await stack.prisma.$executeRawUnsafe(`UPDATE toolkit_document SET expires_at = now() - interval '1 minute' WHERE id = $1::uuid`, radiology.id);
    expect((await fetch(`${stack.base}${radiology.downloadPath}`)).status).toBe(410);
    const status = await stack.graphql(STATUS, { id: radiology.id });
    expect(status.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('expired') });
    expect((await fetch(`${stack.base}/downloads/toolkit-00000000-0000-4000-8000-000000000000.pdf`)).status).toBe(404);
  });
});
