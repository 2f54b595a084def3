import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../../deps.ts';
import { pageUser } from '../page-context.ts';
import { organisersEvent } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { ConsoleFrame } from './console-frame.tsx';
import { mailingPages } from './mailing-pages.tsx';

/** `…/organise/mailings`: e-mail every registrant of the event, safely (see `mailingPages`). */
export function organiseMailingsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    mailingPages(app, deps, '/events/:event/organise/mailings', async (request, reply) => {
      const state = await organisersEvent(deps, request as Parameters<typeof organisersEvent>[1], reply);
      if (!state) return null;
      const user = await pageUser(request);
      return {
        audience: { kind: 'registrants', state },
        base: `/events/${encodeURIComponent(state.event.slug)}/organise/mailings`,
        noun: 'registrant',
        zone: state.event.timeZone,
        frame: async ({ title, done, refusal, children }) => (
          <ConsoleFrame
            event={state.event}
            user={user}
            section="mailings"
            title={title}
            done={done}
            refusal={refusal}
          >
            {children}
          </ConsoleFrame>
        ),
      };
    });
  };
}
