import type { EventInfo, EventStatus } from '../../../core/model/event.ts';
import { CsrfField } from '../components/form-parts.tsx';

/** The status changes the console offers from each status (the core decides what is allowed). */
const actions: Record<EventStatus, readonly { status: EventStatus; label: string; quiet?: boolean }[]> = {
  draft: [{ status: 'published', label: 'Publish: everyone sees it' }],
  published: [
    { status: 'archived', label: 'Archive: keep it as a read-only record' },
    { status: 'draft', label: 'Make it a draft again', quiet: true },
  ],
  archived: [{ status: 'published', label: 'Publish it again' }],
};

const explained: Record<EventStatus, string> = {
  draft:
    'This event is a draft: only organisers see it. Its pages show a banner saying so — look through them before publishing.',
  published: 'This event is published: everyone sees its pages, feeds and API.',
  archived:
    'This event is archived: its pages and feeds stay as a record, and sign-up, registration, booking, topics, check-ins and subscriptions are closed.',
};

/** The notice after a status change or a new event, by the `done` the console redirects with. */
export const statusNotices: ReadonlyMap<string, string> = new Map([
  [
    'created',
    'The draft is ready. Fill in its texts, Code of Conduct, rooms and grid in the sections above, look through its pages, then publish it.',
  ],
  ['published', 'Published: everyone sees the event now.'],
  ['archived', 'Archived: the event is a read-only record now.'],
  ['draft', 'The event is a draft again: only organisers see it.'],
  ['refused', 'The status could not be changed; it is shown below as it is now.'],
]);

/** The event's status in words, with a button for each change the console offers. */
export function EventStatusActions(props: { event: Pick<EventInfo, 'slug' | 'status'>; csrf: string }) {
  const { event } = props;
  const base = `/events/${encodeURIComponent(event.slug)}`;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <p>
        {explained[event.status]} <a href={base}>See the event’s pages</a>.
      </p>
      <div class="form-actions">
        {actions[event.status].map((action) => (
          <form method="post" action={`${base}/organise/status`} key={action.status}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="status" value={action.status} />
            <button type="submit" class={action.quiet ? 'button button--quiet' : 'button'}>
              {action.label}
            </button>
          </form>
        ))}
      </div>
    </section>
  );
}
