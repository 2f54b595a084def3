import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { frontPage } from './front-page.tsx';

/** Every page of the site, one plugin per page file. */
export function pageRoutes(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(frontPage(deps));
  };
}
