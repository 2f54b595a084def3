import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Refusal, refusal } from '../../core/errors.ts';
import type { EventInfo } from '../../core/model/event.ts';
import { httpStatusOf } from '../http-status.ts';
import { RefusedRequest } from '../plugins/errors.ts';
import { Layout, type PageUser } from './layout.tsx';
import { pageUser } from './page-context.ts';
import { renderDocument, sendPage } from './render.ts';

const titles: Partial<Record<Refusal['code'], string>> = {
  unauthenticated: 'Sign in first',
  forbidden: 'Not allowed',
  csrf_failed: 'The form has expired',
  rate_limited: 'Too many attempts',
  invalid_link: 'This link does not work',
  coc_required: 'The Code of Conduct changed',
  not_registered: 'Register first',
  mail_failed: 'The e-mail could not be sent',
  event_archived: 'The event is archived',
};

/** Sends a refusal as a page: what went wrong in a sentence, and where to go next, with its status. */
export async function sendRefusalPage(
  reply: FastifyReply,
  request: FastifyRequest,
  found: Refusal,
  event?: Pick<EventInfo, 'slug' | 'title'> | null,
): Promise<FastifyReply> {
  const page = (
    <RefusalPage
      found={found}
      event={event ?? null}
      user={await pageUser(request)}
      signIn={`/signin?next=${encodeURIComponent(request.url)}`}
    />
  );
  return sendPage(reply, page, { status: httpStatusOf[found.code] });
}

/**
 * The refusal page for a request that could not even be read (a path that does not decode, a
 * header too large): nobody is identified, nothing of the request is shown back.
 */
export function anonymousRefusalDocument(found: Refusal): string {
  return renderDocument(<RefusalPage found={found} event={null} user={null} signIn="/signin" />);
}

function RefusalPage(props: {
  found: Refusal;
  event: Pick<EventInfo, 'slug' | 'title'> | null;
  user: PageUser | null;
  signIn: string;
}) {
  const { found, event } = props;
  const back = event ? `/events/${encodeURIComponent(event.slug)}` : '/';
  return (
    <Layout title={titles[found.code] ?? 'That did not work'} event={event} user={props.user}>
      <div class="prose">
        <h1>{titles[found.code] ?? 'That did not work'}</h1>
        <p>{found.message}</p>
        <p>
          {found.code === 'unauthenticated' ? (
            <a href={props.signIn}>Sign in</a>
          ) : found.code === 'csrf_failed' || found.code === 'rate_limited' ? (
            'Go back, reload the page and try again.'
          ) : (
            <a href={back}>{event ? `Back to ${event.title}` : 'Go to the front page'}</a>
          )}
        </p>
      </div>
    </Layout>
  );
}

/**
 * Errors on page routes answer with a page, not JSON: too many requests, a body that could not be
 * read, and (logged, with a reference) anything unexpected.
 */
export async function pageErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RefusedRequest) return sendRefusalPage(reply, request, error.refusal);
  const status = error.statusCode ?? 500;
  if (status === 429) return sendRefusalPage(reply, request, refusal('rate_limited'));
  if (status >= 400 && status < 500)
    return sendRefusalPage(
      reply,
      request,
      refusal('invalid_input', 'The form could not be read; reload the page and send it again.'),
    );
  request.log.error({ err: error, reqId: request.id }, 'page failed');
  return sendPage(
    reply,
    <Layout title="Something went wrong" user={null}>
      <div class="prose">
        <h1>Something went wrong</h1>
        <p>Something went wrong on our side (reference {request.id}). Try again in a moment.</p>
      </div>
    </Layout>,
    { status: 500 },
  );
}
