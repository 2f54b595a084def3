import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compress } from './compression.ts';

/** One file served under `/assets/`, with its compressed forms made once. */
export interface Asset {
  readonly name: string;
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly brotli: Buffer;
  /** a short hash of the content: the ETag and the `?v=` that makes a URL cacheable for a year */
  readonly version: string;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const assetsDir = join(import.meta.dirname, '..', 'assets');
const registry = new Map<string, Asset>();

/** Adds (or replaces) an asset, compressing it once so every request sends bytes from memory. */
function addAsset(name: string, content: string | Buffer): Asset {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const asset: Asset = {
    name,
    type: types[extname(name)] ?? 'application/octet-stream',
    body,
    gzip: compress(body, 'gzip', 'smallest'),
    brotli: compress(body, 'br', 'smallest'),
    version: createHash('sha256').update(body).digest('base64url').slice(0, 10),
  };
  registry.set(name, asset);
  return asset;
}

for (const name of readdirSync(assetsDir)) {
  if (types[extname(name)]) addAsset(name, readFileSync(join(assetsDir, name)));
}

export function findAsset(name: string): Asset | undefined {
  return registry.get(name);
}

/**
 * The URL of an asset with its content version: pages link to this, and the file may then be cached
 * for a year, because a new version gets a new URL. Unknown names are a programming error.
 */
export function assetUrl(name: string): string {
  const asset = registry.get(name);
  if (!asset) throw new Error(`no asset named ${name}`);
  return `/assets/${name}?v=${asset.version}`;
}
