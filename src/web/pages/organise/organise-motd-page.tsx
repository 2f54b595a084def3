import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Refusal } from '../../../core/errors.ts';
import { motdLevels } from '../../../core/model/board.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { WebDeps } from '../../deps.ts';
import { CsrfField, Select, SubmitButton, TextField } from '../components/form-parts.tsx';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formStatus, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { consoleFields } from './console-fields.ts';
import { ConsoleFrame } from './console-frame.tsx';

type Params = { Params: { event: string }; Querystring: { done?: string } };

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['add', 'The banner is added.'],
  ['remove', 'The banner is removed.'],
  ['reorder', 'The banners are in their new order.'],
]);

/** `…/organise/motd`: the board's banners (MOTD): add one with a level and an expiry, remove, reorder. */
export function organiseMotdPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/events/:event/organise/motd';

    app.get<Params>(path, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      return state ? motdPage(request, reply, state, { done: done.get(request.query.done ?? '') }) : reply;
    });

    const write = formActions(app, deps, {
      path,
      load: (request: FastifyRequest<{ Params: { event: string } }>, reply) =>
        organisersEvent(deps, request, reply),
      again: (request, reply, state, view) => motdPage(request, reply, state, view),
      back: (state) => `/events/${state.event.slug}/organise/motd`,
    });

    write('add', async (form, state, request) => {
      const expires = consoleFields.readUtc(form.text('expires_at'), 'expiry');
      if (!expires.ok) return expires;
      return deps.ops.addMotd(state.event.slug, await pageWho(request), {
        level: form.text('level'),
        message: form.text('message'),
        expiresAt: expires.value,
      });
    });
    write('remove', async (form, state, request) =>
      deps.ops.removeMotd(state.event.slug, await pageWho(request), {
        position: Number(form.text('position')),
      }),
    );
    write('reorder', async (form, state, request) =>
      deps.ops.reorderMotd(state.event.slug, await pageWho(request), {
        positions: form
          .text('order')
          .split(/[\s,]+/)
          .filter(Boolean)
          .slice(0, 100)
          .map(Number),
      }),
    );
  };
}

async function motdPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { done?: string | undefined; refusal?: Refusal; form?: FormBody },
) {
  const base = `/events/${state.event.slug}/organise/motd`;
  const csrf = reply.csrfToken();
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="motd"
      title="Banners"
      done={view.done}
      refusal={view.refusal}
    >
      <ol id="banners">
        {state.motd.map((motd, index) => (
          <li key={motd.id}>
            <span class={`banner banner--${motd.level}`}>{motd.message}</span>{' '}
            <span class="hint">
              ({motd.level}
              {motd.expiresAt ? `, until ${motd.expiresAt}` : ''})
            </span>{' '}
            <form method="post" action={`${base}/remove`} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="position" value={String(index + 1)} />
              <button type="submit" class="link-button">
                Remove
              </button>
            </form>
          </li>
        ))}
      </ol>
      {state.motd.length === 0 ? <p>No banners.</p> : null}
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add a banner</h2>
        <form method="post" action={`${base}/add`} class="form">
          <CsrfField token={csrf} />
          <Select
            label="Level"
            name="level"
            value={view.form?.text('level') ?? 'info'}
            options={motdLevels.map((level) => ({ value: level, label: level }))}
          />
          <TextField
            label="Message"
            name="message"
            value={view.form?.text('message') ?? ''}
            required
            maxLength={500}
          />
          <TextField
            label="Shown until (UTC, optional)"
            name="expires_at"
            type="datetime-local"
            value={view.form?.text('expires_at') ?? ''}
          />
          <SubmitButton>Add the banner</SubmitButton>
        </form>
      </section>
      {state.motd.length > 1 ? (
        <section aria-labelledby="order-heading">
          <h2 id="order-heading">Reorder</h2>
          <form method="post" action={`${base}/reorder`} class="form">
            <CsrfField token={csrf} />
            <TextField
              label="New order, by current numbers"
              name="order"
              hint={`For example ${state.motd.map((_, index) => state.motd.length - index).join(' ')}`}
            />
            <SubmitButton quiet>Reorder</SubmitButton>
          </form>
        </section>
      ) : null}
    </ConsoleFrame>,
    formStatus(view.refusal),
  );
}
