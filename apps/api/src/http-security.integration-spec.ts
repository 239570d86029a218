import { ApiStack } from './testing/api-stack.testing';

let stack: ApiStack;
beforeAll(async () => {
  stack = await ApiStack.start({ GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '5' });
}, 180_000);
afterAll(() => stack?.stop());

describe('security basics across the API', () => {
  it('sends helmet-style headers with a same-origin content security policy', async () => {
    const response = await fetch(`${stack.base}/health/live`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    // Plain HTTP here (SERVED_OVER_HTTPS unset): no HSTS, which would lock a LAN install out.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses cross-site simple requests that could ride on a session cookie (Apollo CSRF prevention)', async () => {
    const form = await fetch(`${stack.base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/CSRF/i);
    const get = await fetch(`${stack.base}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${stack.base}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('limits query depth and aliases, with a clear error and no execution', async () => {
    const deep = await stack.post(`{ code(code: "70390") { ncciEdits { edges { node { column1Code } } } } }`);
    expect(deep.body.errors?.[0].message).toMatch(/depth limit of 4/i);
    expect(deep.body.data).toBeUndefined();
    expect(deep.body.errors?.[0].extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = await stack.post(`{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } f: me { id } }`);
    expect(aliases.body.errors?.[0].message).toMatch(/aliases/i);
    const fine = await stack.post(`{ a: me { id } b: me { id } }`);
    expect(fine.body.errors).toBeUndefined();
  });

  it('stops parsing past 5,000 tokens, and a typo stays a parse error', async () => {
    const huge = await stack.post(`{ ${Array.from({ length: 2600 }, () => 'me { id }').join(' ')} }`);
    expect(huge.body.errors?.[0].message).toMatch(/contains more tha[nt] 5000 tokens/);
    expect(huge.body.errors?.[0].extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
    const typo = await stack.post(`{ me { id }`);
    expect(typo.body.errors?.[0].extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses request bodies over 256 KiB with 413, before GraphQL sees them', async () => {
    const response = await fetch(`${stack.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(300 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});
