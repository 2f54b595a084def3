import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { boardPage } from './board-page.tsx';
import { etherpadsPage } from './etherpads-page.tsx';
import { eventHomePage } from './event-home-page.tsx';
import { frontPage } from './front-page.tsx';
import { helpPage } from './help-page.tsx';
import { peoplePage } from './people-page.tsx';
import { roomPage } from './room-page.tsx';
import { schedulePage } from './schedule-page.tsx';
import { teamColoursStylesheet } from './team-colours-stylesheet.ts';
import { teamPage } from './team-page.tsx';
import { teamsPage } from './teams-page.tsx';

/** Every page of the site, one plugin per page file. */
export function pageRoutes(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(frontPage(deps));
    await app.register(teamColoursStylesheet(deps));
    await app.register(eventHomePage(deps));
    await app.register(boardPage(deps));
    await app.register(schedulePage(deps));
    await app.register(teamsPage(deps));
    await app.register(teamPage(deps));
    await app.register(roomPage(deps));
    await app.register(etherpadsPage(deps));
    await app.register(helpPage(deps));
    await app.register(peoplePage(deps));
  };
}
