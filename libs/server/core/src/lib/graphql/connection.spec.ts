import { InvalidInputError } from '@denialmap/shared/errors';
import { encodeOffsetCursor, pageRequest, toConnection } from './connection';

describe('Relay connection helpers', () => {
  it('defaults to the first 20', () => {
    expect(pageRequest({})).toEqual({ offset: 0, limit: 20 });
  });

  it('continues after a cursor', () => {
    expect(pageRequest({ first: 5, after: encodeOffsetCursor(9) })).toEqual({ offset: 10, limit: 5 });
  });

  it.each([0, -1, 101, 2.5])('refuses first = %p', (first) => {
    expect(() => pageRequest({ first })).toThrow(InvalidInputError);
  });

  it.each(['garbage', encodeOffsetCursor(-3), Buffer.from('offset:x').toString('base64url')])('refuses cursor %p', (after) => {
    expect(() => pageRequest({ after })).toThrow(/after is not a cursor/);
  });

  it('walks every node exactly once across pages', () => {
    const all = Array.from({ length: 7 }, (_, i) => `n${i}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const request = pageRequest({ first: 3, after });
      const page = toConnection(all.slice(request.offset, request.offset + request.limit), request, all.length);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('describes an empty page', () => {
    expect(toConnection([], { offset: 0, limit: 20 }, 0).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
