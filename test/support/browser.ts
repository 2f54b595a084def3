import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { describeWithService } from './services.ts';

/** Debian's Chromium, which the browser suites drive (never a downloaded build). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);

/** `describe` for suites that need a real browser (see `describeWithService`). */
export function describeWithBrowser(name: string, body: () => void): void {
  describeWithService('Chromium', chromiumAvailable, name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Where tests leave pictures for people to look at (`test-results/`, ignored by git). */
export function artefactPath(name: string): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
