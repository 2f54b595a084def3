import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { exportEventFor, importForOrganiser, previewImport } from '../../../app/event-transfer.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextArea } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, organizerOrRefuse, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/** An export may be large: the import's posts take up to this much. */
const importLimit = 50 * 1024 * 1024;

/**
 * `…/organise/export.json` downloads an event as `convene export` writes it; `/organise/import`
 * takes such a file, shows what it would write (checked as the import checks it), and imports it
 * once confirmed. Imported people never become organisers here.
 */
export function transferPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<{ Params: { event: string } }>(
      '/events/:event/organise/export.json',
      { schema: { hide: true } },
      async (request, reply) => {
        if (!(await organizerOrRefuse(request, reply))) return reply;
        const document = await exportEventFor(deps.runtime, await pageWho(request), request.params.event);
        if (!document.ok) return sendRefusalPage(reply, request, document.refusal);
        return reply
          .header('content-disposition', `attachment; filename="${document.value.event.slug}.json"`)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(document.value, null, 2));
      },
    );

    app.get('/organise/import', { schema: { hide: true } }, async (request, reply) => {
      if (!(await organizerOrRefuse(request, reply))) return reply;
      return importPage(request, reply, {});
    });

    app.post(
      '/organise/import/preview',
      { schema: { hide: true }, config: formLimit(deps), bodyLimit: importLimit },
      async (request, reply) => {
        if (!(await organizerOrRefuse(request, reply))) return reply;
        const text = new FormBody(request.body).text('document');
        const preview = await previewImport(deps.runtime, await pageWho(request), text);
        if (!preview.ok) return importPage(request, reply, { refusal: preview.refusal });
        return importPage(request, reply, { preview: preview.value, text });
      },
    );

    app.post(
      '/organise/import',
      { schema: { hide: true }, config: formLimit(deps), bodyLimit: importLimit },
      async (request, reply) => {
        if (!(await organizerOrRefuse(request, reply))) return reply;
        const text = new FormBody(request.body).text('document');
        const imported = await importForOrganiser(deps.runtime, await pageWho(request), text);
        if (!imported.ok) return importPage(request, reply, { refusal: imported.refusal });
        return reply.redirect(`/events/${encodeURIComponent(imported.value.slug)}/organise`, 303);
      },
    );
  };
}

async function importPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: { refusal?: Refusal; preview?: string[]; text?: string },
) {
  const csrf = reply.csrfToken();
  return sendPage(
    reply,
    <Layout title="Import an event · Organise" user={await pageUser(request)} {...formAssets()}>
      <h1>Import an event</h1>
      <p>
        <a href="/organise">Organise</a> › Import
      </p>
      <ErrorSummary refusal={view.refusal} />
      {view.preview && view.text !== undefined ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">What the import writes</h2>
          <ul id="import-preview">
            {view.preview.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <form method="post" action="/organise/import" class="form">
            <CsrfField token={csrf} />
            <input type="hidden" name="document" value={view.text} />
            <SubmitButton>Import it</SubmitButton>
          </form>
        </section>
      ) : (
        <form method="post" action="/organise/import/preview" class="form">
          <CsrfField token={csrf} />
          <TextArea
            label="The exported file (JSON)"
            name="document"
            long
            required
            hint="Paste a file made by an event's Export (or convene export). Nothing is written before you confirm."
          />
          <SubmitButton>Check it</SubmitButton>
        </form>
      )}
    </Layout>,
    formStatus(view.refusal),
  );
}
