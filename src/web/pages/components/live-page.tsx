import type { ComponentChildren } from 'preact';

/**
 * Marks a page as live: the page script follows the event's stream for these views and, on each
 * change, patches the page's `data-region` elements in place. `announcer` is where changes to the
 * teams a viewer follows are read out, politely.
 */
export function LivePage(props: {
  eventSlug: string;
  /** the revision the page shows: the stream starts after it, so nothing in between is missed */
  revision: number;
  views: string;
  zone: string;
  children: ComponentChildren;
}) {
  const stream = `/api/v1/events/${encodeURIComponent(props.eventSlug)}/stream`;
  return (
    <div
      class="live"
      data-stream={`${stream}?views=${props.views}&last_event_id=${props.revision}`}
      data-zone={props.zone}
    >
      {props.children}
      <p class="live-status" id="live-status" hidden>
        Live: this page updates by itself.
      </p>
      <div id="announcer" class="visually-hidden" role="status" aria-live="polite" />
    </div>
  );
}

/** A button, shown by the page script, that follows or unfollows a team on this browser. */
export function FollowButton(props: { slug: string; name: string }) {
  return (
    <button type="button" class="follow" data-follow={props.slug} aria-pressed="false" hidden>
      Follow<span class="visually-hidden"> {props.name}</span>
    </button>
  );
}
