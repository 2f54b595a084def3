import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FormClient } from './form-client.ts';

/**
 * Posts the command box of an event's help page. With a bearer token it stands in for a signed-in
 * visitor; without one it acts as a browser on the site: it loads the page first, then posts the
 * form with the page's CSRF token and cookie (`forged: true` leaves the token out, as a page on
 * another site would).
 */
export async function postCommandBox(
  app: FastifyInstance,
  fields: { text: string; back?: string },
  options: { event?: string; token?: string; headers?: Record<string, string>; forged?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const url = `/events/${options.event ?? 'oct2022-ptg'}/help`;
  const form = new URLSearchParams(fields);
  const browser = new FormClient(app);
  if (!options.token) {
    await browser.get(url);
    if (browser.csrf && !options.forged) form.append('_csrf', browser.csrf);
  }
  const cookie = browser.cookieHeader();
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    payload: form.toString(),
  });
}
