import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
let base = '';
let browser: Browser;
let signedIn: BrowserContext;
let anonymous: BrowserContext;

beforeAll(async () => {
  base = await site().app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  // Until the site has sign-in, the organiser's token stands in for a signed-in visitor.
  signedIn = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${site().token}` } });
  anonymous = await browser.newContext();
});
afterAll(async () => {
  await signedIn?.close();
  await anonymous?.close();
  await browser?.close();
});

const event = '/events/oct2022-ptg';

describeWithBrowser('the command box in Chromium', () => {
  it('runs a line typed in the box like the API does, and shows the reply accessibly', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}${event}/help`);
    await page.getByLabel('Command', { exact: true }).fill('#nova now Typed in the box');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('nova now: Typed in the box');
    const board = await (await fetch(`${base}/api/v1${event}/board`)).json();
    expect(board.now.find((entry: { team: string }) => entry.team === 'nova')?.text).toBe('Typed in the box');
    const api = await fetch(`${base}/api/v1${event}/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site().token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '#nova now Typed in the box' }),
    });
    expect((await api.json()).reply).toBe(await page.locator('.command-box__text').textContent());
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artefactPath('command-box.png'), fullPage: false });
    await page.close();
  });

  it('checks a signed-in visitor in from a team page, and answers anonymous visitors too', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}${event}/teams/nova`);
    await page.getByRole('button', { name: /check in/ }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Checked in with #nova');
    await page.getByRole('link', { name: 'Back' }).click();
    expect(new URL(page.url()).pathname).toBe(`${event}/teams/nova`);
    await page.close();
    const visitor = await anonymous.newPage();
    await visitor.goto(`${base}${event}/help`);
    await visitor.getByLabel('Command', { exact: true }).fill('help in');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('status').waitFor();
    expect(await visitor.getByRole('status').textContent()).toContain('+in #TEAM|PLACE');
    await visitor.close();
  });
});
