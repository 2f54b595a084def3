import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import type { TestRuntime } from './runtime.ts';

/** The HTTP app over a test runtime, unstarted: requests go through `inject()`. */
export async function buildTestApp(runtime: Omit<TestRuntime, 'tokens'>): Promise<FastifyInstance> {
  return buildApp({ runtime, ops: runtime.ops, baseUrl: 'http://convene.test' });
}

/** A JSON request with an optional bearer token. */
export function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}
