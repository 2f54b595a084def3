import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { boardPage } from './board-page.tsx';
import { etherpadsPage } from './etherpads-page.tsx';
import { eventHomePage } from './event-home-page.tsx';
import { firstOrganizerPage } from './first-organizer-page.tsx';
import { frontPage } from './front-page.tsx';
import { helpPage } from './help-page.tsx';
import { joinPage } from './join-page.tsx';
import { mePage } from './me-page.tsx';
import { newsletterPage } from './newsletter-page.tsx';
import { organiseEventPage } from './organise-event-page.tsx';
import { organiseMotdPage } from './organise-motd-page.tsx';
import { organisePage } from './organise-page.tsx';
import { organiseRegistrationsPage } from './organise-registrations-page.tsx';
import { organiseRoomsPage } from './organise-rooms-page.tsx';
import { organiseSignupsPage } from './organise-signups-page.tsx';
import { registerPage } from './register-page.tsx';
import { roomPage } from './room-page.tsx';
import { schedulePage } from './schedule-page.tsx';
import { signinPage } from './signin-page.tsx';
import { signoutPage } from './signout-page.tsx';
import { signupPage } from './signup-page.tsx';
import { teamColoursStylesheet } from './team-colours-stylesheet.ts';
import { teamManagePage } from './team-manage-page.tsx';
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
    await app.register(signinPage(deps));
    await app.register(firstOrganizerPage(deps));
    await app.register(signoutPage(deps));
    await app.register(signupPage(deps));
    await app.register(registerPage(deps));
    await app.register(joinPage(deps));
    await app.register(mePage(deps));
    await app.register(newsletterPage(deps));
    await app.register(teamManagePage(deps));
    await app.register(organisePage(deps));
    await app.register(organiseEventPage(deps));
    await app.register(organiseSignupsPage(deps));
    await app.register(organiseRegistrationsPage(deps));
    await app.register(organiseRoomsPage(deps));
    await app.register(organiseMotdPage(deps));
    await app.register(teamsPage(deps));
    await app.register(teamPage(deps));
    await app.register(roomPage(deps));
    await app.register(etherpadsPage(deps));
    await app.register(helpPage(deps));
  };
}
