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
});
