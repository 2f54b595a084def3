import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../test/support/web.ts';
import { assetUrl, findAsset } from './assets.ts';
import { chooseEncoding } from './compression.ts';

const site = useTestSite();

describe('pagesPlugin', () => {
  it('sends the strict content security policy and the other security headers on pages', async () => {
    const response = await site().app.inject({ url: '/no-such-page-here' });
    expect(response.headers).toMatchObject({
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
  });

  it('serves an asset compressed, with an ETag, and answers a matching If-None-Match with 304', async () => {
    const asset = findAsset('site.css')!;
    const response = await site().app.inject({
      url: '/assets/site.css',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(gunzipSync(response.rawPayload).equals(asset.body)).toBe(true);
    const again = await site().app.inject({
      url: '/assets/site.css',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('lets a versioned asset URL be cached for a year', async () => {
    const response = await site().app.inject({ url: assetUrl('site.css') });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for an asset that does not exist, and never serves files outside the folder', async () => {
    expect((await site().app.inject({ url: '/assets/nope.css' })).statusCode).toBe(404);
    expect((await site().app.inject({ url: '/assets/..%2Fapp.ts' })).statusCode).toBe(404);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 as a refusal', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});
