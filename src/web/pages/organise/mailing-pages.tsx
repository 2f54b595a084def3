import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import {
  type Audience,
  listMailings,
  type MailingPreview,
  type MailingReport,
  mailingReport,
  previewMailing,
  sendMailing,
  sendTestMailing,
} from '../../../app/mass-mail.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { Broadcast } from '../../../core/people/check-mail-message.ts';
import { count } from '../../../core/text/count.ts';
import type { WebDeps } from '../../deps.ts';
import { CsrfField, SubmitButton, TextArea, TextField } from '../components/form-parts.tsx';
import { TimeText } from '../components/time-text.tsx';
import { FormBody } from '../form-body.ts';
import { formLimit, formStatus, pageWho } from '../people-context.ts';
import { sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';

/** Where a set of mailing pages stands: its audience, its address, and the frame its pages use. */
export interface MailingPlace {
  readonly audience: Audience;
  /** the list-and-write page; previews, tests and sending post below it, reports are `BASE/ID` */
  readonly base: string;
  /** "registrant", "subscriber": what one recipient is called */
  readonly noun: string;
  /** the viewer's zone when they chose none */
  readonly zone: string;
  /** the write page's title; "Mailings" when absent */
  readonly title?: string;
  /** the message the write page starts with; empty when absent */
  readonly draft?: Broadcast;
  frame(props: {
    title: string;
    done?: string | undefined;
    refusal?: Refusal | undefined;
    children: ComponentChildren;
  }): Promise<VNode>;
}

type Params = Record<string, string>;

/**
 * The pages of safe mass mail, the same for an event's registrants and the newsletter: write, then a
 * preview naming the number of recipients (with a test copy to oneself), then one confirmation; the
 * confirmation's key makes sending it again harmless, and sending answers with a redirect to the
 * mailing's own page, so reloading that page only shows how far it has gone.
 */
export function mailingPages(
  app: FastifyInstance,
  deps: WebDeps,
  path: string,
  place: (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => Promise<MailingPlace | null>,
): void {
  const links = { baseUrl: deps.baseUrl };
  const messageOf = (form: FormBody): Broadcast => ({
    subject: form.text('subject'),
    body: form.text('body'),
  });

  app.get<{ Params: Params }>(path, { schema: { hide: true } }, async (request, reply) => {
    const found = await place(request, reply);
    return found ? writePage(deps, request, reply, found, {}) : reply;
  });

  app.post<{ Params: Params }>(
    `${path}/preview`,
    { schema: { hide: true }, config: formLimit(deps) },
    async (request, reply) => {
      const found = await place(request, reply);
      if (!found) return reply;
      const message = messageOf(new FormBody(request.body));
      const preview = await previewMailing(
        deps.runtime,
        links,
        await pageWho(request),
        found.audience,
        message,
      );
      if (!preview.ok) return writePage(deps, request, reply, found, { refusal: preview.refusal, message });
      return previewPage(reply, found, preview.value, {});
    },
  );

  app.post<{ Params: Params }>(
    `${path}/test`,
    { schema: { hide: true }, config: formLimit(deps) },
    async (request, reply) => {
      const found = await place(request, reply);
      if (!found) return reply;
      const message = messageOf(new FormBody(request.body));
      const who = await pageWho(request);
      const sent = await sendTestMailing(deps.runtime, links, who, found.audience, message);
      if (!sent.ok) return writePage(deps, request, reply, found, { refusal: sent.refusal, message });
      const preview = await previewMailing(deps.runtime, links, who, found.audience, message);
      if (!preview.ok) return writePage(deps, request, reply, found, { refusal: preview.refusal, message });
      return previewPage(reply, found, preview.value, {
        done: `A test copy is on its way to ${sent.value.to}.`,
      });
    },
  );

  app.post<{ Params: Params }>(
    `${path}/send`,
    { schema: { hide: true }, config: formLimit(deps) },
    async (request, reply) => {
      const found = await place(request, reply);
      if (!found) return reply;
      const form = new FormBody(request.body);
      const message = messageOf(form);
      const who = await pageWho(request);
      const sent = await sendMailing(deps.runtime, links, who, found.audience, {
        ...message,
        key: form.text('key'),
        confirmedRecipients: form.text('recipients'),
      });
      if (sent.ok) return reply.redirect(`${found.base}/${encodeURIComponent(sent.value.id)}`, 303);
      // Refused: the preview again, as things are now, with a new confirmation to give.
      const preview = await previewMailing(deps.runtime, links, who, found.audience, message);
      if (!preview.ok) return writePage(deps, request, reply, found, { refusal: sent.refusal, message });
      return previewPage(reply, found, preview.value, { refusal: sent.refusal });
    },
  );

  app.get<{ Params: Params & { mailing: string } }>(
    `${path}/:mailing`,
    { schema: { hide: true } },
    async (request, reply) => {
      const found = await place(request, reply);
      if (!found) return reply;
      const report = await mailingReport(
        deps.runtime,
        await pageWho(request),
        found.audience,
        request.params.mailing,
      );
      if (!report.ok) return sendRefusalPage(reply, request, report.refusal);
      return reportPage(request, reply, found, report.value);
    },
  );
}

async function writePage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  place: MailingPlace,
  view: { refusal?: Refusal; message?: Broadcast },
) {
  const mailings = await listMailings(deps.runtime, await pageWho(request), place.audience);
  if (!mailings.ok) return sendRefusalPage(reply, request, mailings.refusal);
  const zone = viewerZone(request, reply, place.zone);
  return sendPage(
    reply,
    await place.frame({
      title: place.title ?? 'Mailings',
      refusal: view.refusal,
      children: (
        <>
          <section aria-labelledby="write-heading">
            <h2 id="write-heading">Write to every {place.noun}</h2>
            <MessageForm place={place} csrf={reply.csrfToken()} message={view.message ?? place.draft} />
          </section>
          <section aria-labelledby="sent-heading">
            <h2 id="sent-heading">Sent</h2>
            {mailings.value.length === 0 ? (
              <p>Nothing sent yet.</p>
            ) : (
              <table class="data-table" id="mailings">
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">Sent</th>
                    <th scope="col">By</th>
                    <th scope="col">Recipients</th>
                    <th scope="col">Delivered</th>
                  </tr>
                </thead>
                <tbody>
                  {mailings.value.map(({ mailing, progress }) => (
                    <tr key={mailing.id}>
                      <th scope="row">
                        <a href={`${place.base}/${mailing.id}`}>{mailing.subject}</a>
                      </th>
                      <td>
                        <TimeText at={mailing.createdAt} zone={zone} withDay />
                      </td>
                      <td>{mailing.sentByName}</td>
                      <td>{mailing.recipients}</td>
                      <td>
                        {progress.sent}
                        {progress.failed.length > 0 ? `, ${progress.failed.length} failed` : ''}
                        {progress.queued > 0 ? `, ${progress.queued} waiting` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ),
    }),
    formStatus(view.refusal),
  );
}

/** The subject and message fields, posting to the preview. */
function MessageForm(props: { place: MailingPlace; csrf: string; message: Broadcast | undefined }) {
  return (
    <form method="post" action={`${props.place.base}/preview`} class="form">
      <CsrfField token={props.csrf} />
      <TextField
        label="Subject"
        name="subject"
        value={props.message?.subject ?? ''}
        required
        maxLength={200}
      />
      <TextArea label="Message (plain text)" name="body" value={props.message?.body ?? ''} long required />
      <SubmitButton>Preview</SubmitButton>
    </form>
  );
}

/** The message passed on, unseen, to the next step. */
function HiddenMessage(props: { message: Broadcast }) {
  return (
    <>
      <input type="hidden" name="subject" value={props.message.subject} />
      <input type="hidden" name="body" value={props.message.body} />
    </>
  );
}

async function previewPage(
  reply: FastifyReply,
  place: MailingPlace,
  preview: MailingPreview,
  view: { done?: string; refusal?: Refusal },
) {
  const csrf = reply.csrfToken();
  const recipients = count(preview.recipients, place.noun);
  return sendPage(
    reply,
    await place.frame({
      title: 'Check the mailing',
      done: view.done,
      refusal: view.refusal,
      children: (
        <>
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">As {preview.sample.to} would read it</h2>
            <p>
              It goes to <strong id="recipient-count">{recipients}</strong>, each with their own copy.
            </p>
            <div class="mail-preview">
              <p>
                <strong>Subject:</strong> {preview.sample.subject}
              </p>
              <pre id="mail-text">{preview.sample.text}</pre>
            </div>
            <form method="post" action={`${place.base}/test`} class="form">
              <CsrfField token={csrf} />
              <HiddenMessage message={preview.message} />
              <SubmitButton quiet>Send a test copy to {preview.sample.to}</SubmitButton>
            </form>
          </section>
          <section aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">Send it</h2>
            <form method="post" action={`${place.base}/send`} class="form">
              <CsrfField token={csrf} />
              <HiddenMessage message={preview.message} />
              <input type="hidden" name="key" value={preview.key} />
              <input type="hidden" name="recipients" value={String(preview.recipients)} />
              <p>
                This cannot be undone. The copies go out in the background; the next page shows their
                progress.
              </p>
              <SubmitButton>Send to {recipients}</SubmitButton>
            </form>
          </section>
          <section aria-labelledby="change-heading">
            <h2 id="change-heading">Change the message</h2>
            <MessageForm place={place} csrf={csrf} message={preview.message} />
          </section>
        </>
      ),
    }),
    formStatus(view.refusal),
  );
}

async function reportPage(
  request: FastifyRequest,
  reply: FastifyReply,
  place: MailingPlace,
  report: MailingReport,
) {
  const { mailing, progress } = report;
  const zone = viewerZone(request, reply, place.zone);
  const done = progress.sent + progress.failed.length;
  return sendPage(
    reply,
    await place.frame({
      title: mailing.subject,
      children: (
        <>
          <p>
            <a href={place.base}>All mailings</a>
          </p>
          <p id="mailing-summary">
            Sent by {mailing.sentByName} on <TimeText at={mailing.createdAt} zone={zone} withDay /> to{' '}
            {count(mailing.recipients, place.noun)}.
          </p>
          <section
            aria-labelledby="progress-heading"
            id="mailing-progress"
            data-waiting={progress.queued > 0 ? 'yes' : undefined}
          >
            <h2 id="progress-heading">Progress</h2>
            <progress max={mailing.recipients} value={done} aria-labelledby="progress-text" />
            <p id="progress-text" role="status">
              {progress.sent} sent, {progress.queued} waiting, {progress.failed.length} failed.
            </p>
            {progress.failed.length > 0 ? (
              <table class="data-table" id="failures">
                <caption>Could not be delivered, after every retry</caption>
                <thead>
                  <tr>
                    <th scope="col">Address</th>
                    <th scope="col">The mail server’s answer</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.failed.map((failure) => (
                    <tr key={failure.to}>
                      <th scope="row">{failure.to}</th>
                      <td>{failure.error}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <section aria-labelledby="message-heading">
            <h2 id="message-heading">The message</h2>
            <pre id="mail-text">{mailing.body}</pre>
          </section>
        </>
      ),
    }),
  );
}
