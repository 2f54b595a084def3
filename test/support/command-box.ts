import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * Posts the command box of an event's help page as a browser on the site does (a form, marked
 * same-origin), with a bearer token standing in for a signed-in visitor.
 */
export function postCommandBox(
  app: FastifyInstance,
  fields: { text: string; back?: string },
  options: { event?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/events/${options.event ?? 'oct2022-ptg'}/help`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}
