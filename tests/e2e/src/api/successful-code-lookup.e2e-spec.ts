import { get as httpGet } from 'node:http';
import { baseUrl, graphql } from '../support/stack';

const QUERY = `query ($code: String!, $dos: String) {
  code(code: $code, dateOfService: $dos) {
    code shortDescriptor source
    release { id conversionFactor }
    rvus { workRvu nonFacilityPracticeExpenseRvu malpracticeRvu nationalNonFacility { amount } }
    professionalComponent { nationalNonFacility { amount } }
    technicalComponent { nationalNonFacility { amount } }
  }
}`;

describe('successful: the production stack over HTTP', () => {
  it('became ready through BullMQ and the worker (not inline)', async () => {
    const response = await fetch(`${baseUrl()}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: Record<string, { ok: boolean; detail: string; degraded?: boolean }> };
    expect(body.checks['database'].ok).toBe(true);
    expect(body.checks['jobs']).toEqual({ ok: true, detail: expect.stringContaining('BullMQ queues under prefix "dm-e2e-') });
    expect(body.checks['referenceData']).toEqual({ ok: true, detail: 'Fee schedule releases loaded: RVU25D, RVU26C' });
  });

  it.each([
    ['2025-06-01', 'RVU25D', '32.3465', '0.38', '109.65', '17.47', '92.19'],
    ['2026-08-01', 'RVU26C', '33.4009', '0.37', '110.56', '17.37', '93.19'],
  ])('prices 70390 on %s from %s', async (dos, release, cf, work, global, professional, technical) => {
    const { data, errors } = await graphql(QUERY, { code: '70390', dos });
    expect(errors).toBeUndefined();
    expect(data?.['code']).toEqual({
      code: '70390',
      shortDescriptor: 'X-ray exam of salivary duct',
      source: expect.stringContaining(`CMS MPFS ${release}`),
      release: { id: release, conversionFactor: cf },
      rvus: { workRvu: work, nonFacilityPracticeExpenseRvu: expect.any(String), malpracticeRvu: '0.03', nationalNonFacility: { amount: global } },
      professionalComponent: { nationalNonFacility: { amount: professional } },
      technicalComponent: { nationalNonFacility: { amount: technical } },
    });
  });

  it('serves the web app at / and for deep links, with long-lived caching only for hashed assets', async () => {
    for (const path of ['/', '/codes/70390', '/explorer']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root"></div>');
    }
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl()}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('sends the web app brotli- or gzip-compressed from files made at build time, and plain to a client that asks for it', async () => {
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const plain = await rawGet(script, 'identity');
    expect(plain.encoding).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const compressed = await rawGet(script, encoding);
      expect(compressed).toMatchObject({ status: 200, encoding, vary: expect.stringMatching(/accept-encoding/i) });
      expect(compressed.bytes).toBeLessThan(plain.bytes / 2);
    }
    expect((await rawGet('/codes/70390', 'br')).encoding).toBe('br');
  });
});

/** A GET that leaves the body as sent (fetch would decompress it), with its size and encoding. */
function rawGet(path: string, acceptEncoding: string): Promise<{ status: number; encoding?: string; vary?: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${baseUrl()}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], vary: response.headers['vary'] as string | undefined, bytes }),
      );
    });
    request.on('error', reject);
  });
}
