import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Refusal } from '../../core/errors.ts';
import type { WebDeps } from '../deps.ts';
import { FormBody } from './form-body.ts';
import { formLimit } from './people-context.ts';

/** What a form's operation answers: accepted (with whatever it reports), or the refusal. */
type Result = { readonly ok: true } | { readonly ok: false; readonly refusal: Refusal };

type Params = Record<string, string>;

/**
 * The posts of a page with several forms (`PATH/ACTION`), all alike: `load` finds what the page is
 * about and may refuse the viewer (sending the answer itself); the action runs an operation; a
 * refusal shows the page again with it and what was typed (`again`); success goes back to the page
 * with `?done=ACTION` (`back`). Each post is rate-limited like every form.
 */
export function formActions<P extends Params, T>(
  app: FastifyInstance,
  deps: WebDeps,
  page: {
    readonly path: string;
    load(request: FastifyRequest<{ Params: P }>, reply: FastifyReply): Promise<T | null>;
    again(
      request: FastifyRequest,
      reply: FastifyReply,
      loaded: T,
      view: { refusal: Refusal; form: FormBody },
    ): Promise<FastifyReply>;
    back(loaded: T, action: string): string;
  },
) {
  return <R extends Result>(
    action: string,
    run: (form: FormBody, loaded: T, request: FastifyRequest) => Promise<R>,
    after: (result: Extract<R, { ok: true }>) => string = () => '',
  ) =>
    app.post<{ Params: P }>(
      `${page.path}/${action}`,
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const loaded = await page.load(request, reply);
        if (loaded === null) return reply;
        const form = new FormBody(request.body);
        const result = await run(form, loaded, request);
        if (!result.ok) return page.again(request, reply, loaded, { refusal: result.refusal, form });
        return reply.redirect(
          `${page.back(loaded, action)}?done=${action}${after(result as Extract<R, { ok: true }>)}`,
          303,
        );
      },
    );
}
