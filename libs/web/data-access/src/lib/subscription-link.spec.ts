import { retryDelayMs, webSocketUrl } from './subscription-link';

describe('the subscription link', () => {
  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:3000' }, 'ws://127.0.0.1:3000/graphql'],
    [{ protocol: 'https:', host: 'denialmap.example' }, 'wss://denialmap.example/graphql'],
  ])('derives the WebSocket address from the page (%o)', (location, expected) => {
    expect(webSocketUrl(location)).toBe(expected);
  });

  it('waits longer after each failed reconnect, at most 30 s plus jitter', () => {
    expect(retryDelayMs(0, 0)).toBe(1000);
    expect(retryDelayMs(3, 0)).toBe(8000);
    expect(retryDelayMs(10, 0)).toBe(30_000);
    expect(retryDelayMs(10, 0.999)).toBe(30_999);
  });
});
