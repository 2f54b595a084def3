import { afterEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from './outbox.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('Outbox', () => {
  it('sends a burst at once, then one message per interval, replies before notifications', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const outbox = new Outbox(
      (target, text) => sent.push(`${target}:${text}`),
      { burst: 2, intervalMs: 100 },
      () => Date.now(),
    );
    outbox.resume();
    for (let index = 1; index <= 4; index++) outbox.notify(`sub${index}`, 'topic');
    expect(sent).toEqual(['sub1:topic', 'sub2:topic']);
    outbox.reply('#ptg', ['nia: done']);
    vi.advanceTimersByTime(100);
    expect(sent.slice(2)).toEqual(['#ptg:nia: done']);
    vi.advanceTimersByTime(200);
    expect(sent.slice(3)).toEqual(['sub3:topic', 'sub4:topic']);
    expect(outbox.waiting).toBe(0);
  });

  it('never makes a caller wait: queuing returns at once, whatever is waiting', () => {
    const outbox = new Outbox(() => {}, { burst: 1, intervalMs: 60_000 });
    outbox.resume();
    const started = performance.now();
    for (let index = 0; index < 200; index++) outbox.notify(`n${index}`, 'x');
    outbox.reply('#ptg', ['answer']);
    expect(performance.now() - started).toBeLessThan(100);
    expect(outbox.waiting).toBe(200);
    outbox.close();
  });

  it('holds messages while disconnected and sends them after resume; keeps at most 500 of a kind', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const outbox = new Outbox(
      (_target, text) => sent.push(text),
      { burst: 1000, intervalMs: 10 },
      () => Date.now(),
    );
    for (let index = 0; index < 600; index++) outbox.notify('x', String(index));
    expect(sent).toEqual([]);
    outbox.resume();
    expect(sent).toHaveLength(500);
    expect(sent[0]).toBe('100');
  });

  it('lets a stopping bot wait for its waiting lines to go out, within the flood limit and a deadline', async () => {
    const sent: string[] = [];
    const outbox = new Outbox((target, text) => sent.push(`${target}:${text}`), { burst: 1, intervalMs: 30 });
    outbox.resume();
    for (let index = 1; index <= 3; index++) outbox.notify(`sub${index}`, 'topic');
    expect(await outbox.drained(2000)).toBe(true);
    expect(sent).toEqual(['sub1:topic', 'sub2:topic', 'sub3:topic']);

    const slow = new Outbox(() => {}, { burst: 1, intervalMs: 60_000 });
    slow.resume();
    slow.notify('sub1', 'topic');
    slow.notify('sub2', 'topic');
    expect(await slow.drained(100)).toBe(false);
    expect(slow.waiting).toBe(1);
    slow.close();
  });
});
