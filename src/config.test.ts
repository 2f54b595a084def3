import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

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

  it('turns metrics on with a METRICS_TOKEN of 16 characters or more, and reads STOP_TIMEOUT in seconds', () => {
    expect(readConfig({}).metricsToken).toBeNull();
    expect(readConfig({ METRICS_TOKEN: '0123456789abcdef' }).metricsToken).toBe('0123456789abcdef');
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN must be at least 16 characters',
    );
    expect(readConfig({}).stopTimeoutMs).toBe(8000);
    expect(readConfig({ STOP_TIMEOUT: '2.5' }).stopTimeoutMs).toBe(2500);
    expect(() => readConfig({ STOP_TIMEOUT: 'soon' })).toThrow('STOP_TIMEOUT must be a number of seconds');
  });
});
