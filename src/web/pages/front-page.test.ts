import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();

describe('front page', () => {
  it('sends visitors of / on to the current event', async () => {
    const response = await site().app.inject({ url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/events/oct2022-ptg');
  });
});
