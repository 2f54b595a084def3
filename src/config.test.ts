import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';
import { fitStreamsToDescriptors } from './descriptor-limit.ts';
import { defaultHttpLimits } from './web/limits.ts';

describe('readConfig', () => {
  it('keeps BASE_URL as a full address without a final slash, in its usual spelling', () => {
    expect(readConfig({ BASE_URL: 'HTTPS://PTG.example.org/' }).baseUrl).toBe('https://ptg.example.org');
    expect(readConfig({ PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
  });

  it('stops with a sentence when BASE_URL, PORT or CONVENE_NOW cannot be used', () => {
    expect(() => readConfig({ BASE_URL: 'ptg.example.org' })).toThrow(ConfigError);
    expect(() => readConfig({ BASE_URL: 'ptg.example.org' })).toThrow(
      'BASE_URL must be a full http:// or https:// address',
    );
    expect(() => readConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => readConfig({ CONVENE_NOW: 'tuesday' })).toThrow(ConfigError);
  });

  it('reads the limits in seconds and bytes, keeping the defaults for what is not set', () => {
    expect(readConfig({ STREAMS_PER_ADDRESS: '500', REQUEST_TIMEOUT: '60' }).limits).toEqual({
      ...defaultHttpLimits,
      streamsPerAddress: 500,
      requestTimeoutMs: 60_000,
    });
    expect(() => readConfig({ STREAMS_TOTAL: '-1' })).toThrow(
      'STREAMS_TOTAL must be a whole number above zero.',
    );
    expect(() => readConfig({ HEADERS_TIMEOUT: '90' })).toThrow(
      'HEADERS_TIMEOUT must not be longer than REQUEST_TIMEOUT.',
    );
  });

  it('lowers the total of event streams so that the reserve of file descriptors stays free', () => {
    expect(fitStreamsToDescriptors(defaultHttpLimits, 1024, 1000)).toEqual({
      limits: { ...defaultHttpLimits, streamsTotal: 24 },
      lowered: true,
    });
    expect(fitStreamsToDescriptors(defaultHttpLimits, 65_536, 1000)).toEqual({
      limits: defaultHttpLimits,
      lowered: false,
    });
    expect(fitStreamsToDescriptors(defaultHttpLimits, null, 1000).lowered).toBe(false);
  });

  it('turns metrics on with a METRICS_TOKEN of 16 characters or more, and reads STOP_TIMEOUT in seconds', () => {
    expect(readConfig({}).metricsToken).toBeNull();
    expect(readConfig({ METRICS_TOKEN: '0123456789abcdef' }).metricsToken).toBe('0123456789abcdef');
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN must be at least 16 characters',
    );
    expect(readConfig({}).stopTimeoutMs).toBe(8000);
    expect(readConfig({ STOP_TIMEOUT: '3' }).stopTimeoutMs).toBe(3000);
    expect(() => readConfig({ STOP_TIMEOUT: 'soon' })).toThrow('STOP_TIMEOUT must be a whole number');
  });
});
