import type { ComponentChildren } from 'preact';
import { CsrfField } from './form-parts.tsx';

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

/** What a signed-in viewer's Follow buttons need: the truth from their account, and a form token. */
export interface AccountFollows {
  readonly eventSlug: string;
  /** slugs of the teams they follow */
  readonly following: ReadonlySet<string>;
  readonly csrf: string;
  /** where the form comes back to */
  readonly back: string;
}

/**
 * Follow or unfollow a team. For a signed-in viewer, a form that changes the follow on their
 * account and shows its true state; for anyone else, a button, shown by the page script, that
 * keeps the follow on this browser (offered to the account at sign-in).
 */
export function FollowButton(props: { slug: string; name: string; account?: AccountFollows | null }) {
  const { account } = props;
  if (account) {
    const on = account.following.has(props.slug);
    return (
      <form
        method="post"
        action={`/events/${encodeURIComponent(account.eventSlug)}/teams/${props.slug}/follow`}
        class="inline-form"
      >
        <CsrfField token={account.csrf} />
        <input type="hidden" name="following" value={on ? '' : 'yes'} />
        <input type="hidden" name="back" value={account.back} />
        <button type="submit" class="follow" aria-pressed={on ? 'true' : 'false'}>
          {on ? 'Following' : 'Follow'}
          <span class="visually-hidden"> {props.name}</span>
        </button>
      </form>
    );
  }
  return (
    <button type="button" class="follow" data-follow={props.slug} aria-pressed="false" hidden>
      Follow<span class="visually-hidden"> {props.name}</span>
    </button>
  );
}

/**
 * For a signed-in viewer: the page script fills this in and shows it when this browser kept
 * follows from before they signed in, offering to add them to their account.
 */
export function FollowOffer(props: { account: AccountFollows | null | undefined }) {
  if (!props.account) return null;
  return (
    <div
      class="notice"
      id="follow-offer"
      data-follow-offer={`/api/v1/events/${encodeURIComponent(props.account.eventSlug)}/follows`}
      data-csrf={props.account.csrf}
      hidden
    >
      <p>
        On this browser you followed <span class="follow-offer__teams" /> before signing in.
      </p>
      <button type="button" class="button" data-follow-offer-accept>
        Add them to my account
      </button>{' '}
      <button type="button" class="button button--quiet" data-follow-offer-dismiss>
        Forget them
      </button>
    </div>
  );
}
