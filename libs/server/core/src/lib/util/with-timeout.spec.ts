import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes the answer through when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });

  it('rejects with what did not answer when it is late', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'the queue did not answer')).rejects.toThrow('the queue did not answer within 10 ms');
  });
});
