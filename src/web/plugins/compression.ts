import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the client accepts: brotli, then gzip, else none. Reads `q=0` as a refusal;
 * other weights are not ranked, since every browser that sends them accepts both.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name || params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param))) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/** Text smaller than this is sent as it is: compressing it saves nothing. */
const minCompressBytes = 1024;

/** The encoding to send `text` in to a client that accepts `acceptEncoding`. */
export function encodingFor(acceptEncoding: string | undefined, text: string): Encoding {
  return Buffer.byteLength(text) < minCompressBytes ? 'identity' : chooseEncoding(acceptEncoding);
}

/** How hard to compress: `quick` for what is made per request, `smallest` for what is made once. */
const efforts = { quick: { br: 5, gzip: 6 }, smallest: { br: 11, gzip: 9 } } as const;

/** Compresses a body for sending, with quick settings unless `effort` asks for the smallest output. */
export function compress(
  body: string | Buffer,
  encoding: Exclude<Encoding, 'identity'>,
  effort: keyof typeof efforts = 'quick',
): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: efforts[effort].br } })
    : gzipSync(body, { level: efforts[effort].gzip });
}
