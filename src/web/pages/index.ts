import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { boardPage } from './board-page.tsx';
import { firstOrganizerPage } from './first-organizer-page.tsx';
import { frontPage } from './front-page.tsx';
import { schedulePage } from './schedule-page.tsx';
import { signinPage } from './signin-page.tsx';
import { signoutPage } from './signout-page.tsx';
import { teamColoursStylesheet } from './team-colours-stylesheet.ts';

/** Every page of the site, one plugin per page file. */
export function pageRoutes(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(frontPage(deps));
    await app.register(teamColoursStylesheet(deps));
    await app.register(boardPage(deps));
    await app.register(schedulePage(deps));
    await app.register(signinPage(deps));
    await app.register(firstOrganizerPage(deps));
    await app.register(signoutPage(deps));
  };
}
