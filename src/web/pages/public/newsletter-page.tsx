import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  confirmNewsletter,
  leaveNewsletter,
  pendingSubscriber,
  subscriberToLeave,
  subscribeToNewsletter,
} from '../../../app/newsletter.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, mailingFor } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

type Token = { Querystring: { token?: string } };

/**
 * `/newsletter`: subscribe with double opt-in (a confirmation link is e-mailed; nothing else is sent
 * until it is used), and leave through the link every message carries, without signing in. Both
 * links open a page with one button, so a mail scanner following links changes nothing.
 */
export function newsletterPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    app.get('/newsletter', { schema: { hide: true } }, async (request, reply) =>
      subscribeForm(request, reply, '', null),
    );

    app.post('/newsletter', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      const email = new FormBody(request.body).text('email');
      const subscribed = await subscribeToNewsletter(deps.runtime, mailing, { email });
      if (!subscribed.ok) return subscribeForm(request, reply, email, subscribed.refusal);
      return message(
        request,
        reply,
        'Check your inbox',
        `We sent a link to ${subscribed.value.email}. Open it to confirm the subscription; until then nothing else is sent.`,
        !mailing.mailer.delivers,
      );
    });

    app.get<Token>('/newsletter/confirm', { schema: { hide: true } }, async (request, reply) => {
      const token = request.query.token ?? '';
      const subscriber = await pendingSubscriber(deps.runtime, token);
      if (!subscriber) return sendRefusalPage(reply, request, expired());
      return buttonPage(request, reply, {
        title: 'Confirm your subscription',
        text: `Subscribe ${subscriber.email} to the newsletter.`,
        action: '/newsletter/confirm',
        token,
        button: 'Confirm',
      });
    });

    app.post(
      '/newsletter/confirm',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const confirmed = await confirmNewsletter(
          deps.runtime,
          mailing,
          new FormBody(request.body).text('token'),
        );
        if (!confirmed.ok) return sendRefusalPage(reply, request, expired());
        return message(
          request,
          reply,
          'You are subscribed',
          `${confirmed.value.email} will receive the newsletter. Every message has a link to stop it.`,
        );
      },
    );

    app.get<Token>('/newsletter/unsubscribe', { schema: { hide: true } }, async (request, reply) => {
      const token = request.query.token ?? '';
      const subscriber = await subscriberToLeave(deps.runtime, token);
      if (!subscriber) return sendRefusalPage(reply, request, unknownAddress());
      return buttonPage(request, reply, {
        title: 'Unsubscribe',
        text: `Stop sending the newsletter to ${subscriber.email}.`,
        action: '/newsletter/unsubscribe',
        token,
        button: 'Unsubscribe',
      });
    });

    app.post(
      '/newsletter/unsubscribe',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const left = await leaveNewsletter(deps.runtime, new FormBody(request.body).text('token'));
        if (!left.ok) return sendRefusalPage(reply, request, unknownAddress());
        return message(
          request,
          reply,
          'You are unsubscribed',
          `Nothing more will be sent to ${left.value.email}.`,
        );
      },
    );
  };
}

function expired(): Refusal {
  return {
    code: 'invalid_link',
    message: 'This confirmation link has expired or was already used; subscribe again.',
  };
}

function unknownAddress(): Refusal {
  return {
    code: 'invalid_link',
    message: 'This unsubscribe link is not known; the address may have been removed already.',
  };
}

async function subscribeForm(
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  refusal: Refusal | null,
) {
  return sendPage(
    reply,
    <Layout title="Newsletter" user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>Newsletter</h1>
        <p>News about upcoming gatherings: dates, sign-up and registration. A few messages a year.</p>
        <form method="post" action="/newsletter" class="form">
          <ErrorSummary refusal={refusal} />
          <CsrfField token={reply.csrfToken()} />
          <TextField
            label="E-mail address"
            name="email"
            type="email"
            value={email}
            autocomplete="email"
            required
          />
          <SubmitButton>Subscribe</SubmitButton>
        </form>
      </div>
    </Layout>,
    formStatus(refusal),
  );
}

async function buttonPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { title: string; text: string; action: string; token: string; button: string },
) {
  return sendPage(
    reply,
    <Layout title={page.title} user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>{page.title}</h1>
        <form method="post" action={page.action} class="form">
          <CsrfField token={reply.csrfToken()} />
          <input type="hidden" name="token" value={page.token} />
          <p>{page.text}</p>
          <SubmitButton>{page.button}</SubmitButton>
        </form>
      </div>
    </Layout>,
  );
}

/** A page that says what happened; `logged` adds that the e-mail went to the server log. */
async function message(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  text: string,
  logged = false,
) {
  return sendPage(
    reply,
    <Layout title={title} user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>{title}</h1>
        <p>{text}</p>
        {logged ? (
          <Notice log>
            No mail server is configured here, so the e-mail was written to the server log instead.
          </Notice>
        ) : null}
      </div>
    </Layout>,
  );
}
