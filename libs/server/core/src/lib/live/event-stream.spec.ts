import { EventStream } from './event-stream';

describe('EventStream', () => {
  it('hands queued and later events to the consumer in order', async () => {
    const stream = new EventStream<number>(() => undefined);
    stream.push(1);
    const pending = stream.next();
    expect(await pending).toEqual({ value: 1, done: false });
    const later = stream.next();
    stream.push(2);
    expect(await later).toEqual({ value: 2, done: false });
  });

  it('ends a waiting consumer on return and runs onClose once', async () => {
    const onClose = jest.fn();
    const stream = new EventStream<number>(onClose);
    const waiting = stream.next();
    await stream.return();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    stream.push(3);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps only the newest events for a slow consumer', async () => {
    const stream = new EventStream<number>(() => undefined, 2);
    [1, 2, 3].forEach((n) => stream.push(n));
    expect([(await stream.next()).value, (await stream.next()).value]).toEqual([2, 3]);
  });
});
