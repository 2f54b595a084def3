import type { KeyOf, ViewPatch } from '../../src/web/stream/view-diff.ts';

export interface SseMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

/**
 * A Server-Sent Events reader over fetch, as a script would write one: `next()` waits for the next
 * message (comments are skipped), `close()` hangs up.
 */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const queue: SseMessage[] = [];
  const waiting: ((message: SseMessage) => void)[] = [];
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const message = parseBlock(block);
          if (!message) continue;
          const taker = waiting.shift();
          if (taker) taker(message);
          else queue.push(message);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    next(timeoutMs = 5000): Promise<SseMessage> {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within the time limit')), timeoutMs);
        waiting.push((message) => {
          clearTimeout(timer);
          resolve(message);
        });
      });
    },
    /** messages already received and not yet taken */
    pending: () => queue.length,
    close: () => controller.abort(),
  };
}

function parseBlock(block: string): SseMessage | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id') id = value;
    else if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { id, event, data: data.join('\n') };
}

/** Applies a stream delta to a view, as a client of the stream does. */
export function applyViewPatch<T extends Record<string, unknown>>(
  view: T,
  patch: ViewPatch,
  lists: Readonly<Record<string, KeyOf>>,
): T {
  const next: Record<string, unknown> = { ...view, ...patch.set };
  for (const [field, change] of Object.entries(patch.lists)) {
    const keyOf = lists[field];
    const current = view[field];
    if (!keyOf || !Array.isArray(current)) continue;
    const items = new Map(current.map((item) => [keyOf(item), item]));
    for (const key of change.remove) items.delete(key);
    const order = change.order ? [...change.order] : [...items.keys()];
    for (const item of change.upsert) {
      const key = keyOf(item);
      if (!items.has(key) && !change.order) order.push(key);
      items.set(key, item);
    }
    next[field] = order.flatMap((key) => (items.has(key) ? [items.get(key)] : []));
  }
  return next as T;
}
