import type { ComponentChildren } from 'preact';
import type { EventInfo } from '../../core/model/event.ts';
import { assetUrl } from '../plugins/assets.ts';

/** The signed-in person, as the header shows them. */
export interface PageUser {
  readonly name: string;
  readonly isOrganizer: boolean;
}

interface LayoutProps {
  /** what the page is; the event's title is added to the document title */
  readonly title: string;
  /** the event the page belongs to: gives the header its navigation (and, with its status, a banner) */
  readonly event?: (Pick<EventInfo, 'slug' | 'title'> & Partial<Pick<EventInfo, 'status'>>) | null;
  /** the `key` of the navigation entry to mark as the current page */
  readonly active?: string;
  readonly user?: PageUser | null;
  /** names of module scripts under /assets/ */
  readonly scripts?: readonly string[];
  /** extra style sheets by URL, after the site's own */
  readonly stylesheets?: readonly string[];
  /** `display`: full screen, no navigation, for a screen beside a room */
  readonly variant?: 'display';
  readonly children?: ComponentChildren;
}

/** The event's navigation, in order. */
function eventNavigation(slug: string): { key: string; label: string; href: string }[] {
  const base = `/events/${encodeURIComponent(slug)}`;
  return [
    { key: 'home', label: 'Event', href: base },
    { key: 'board', label: 'Live board', href: `${base}/board` },
    { key: 'schedule', label: 'Schedule', href: `${base}/schedule` },
    { key: 'teams', label: 'Teams', href: `${base}/teams` },
    { key: 'etherpads', label: 'Etherpads', href: `${base}/etherpads` },
    { key: 'report', label: 'Report', href: `${base}/report` },
    { key: 'people', label: 'Find people', href: `${base}/people` },
    { key: 'help', label: 'Chat commands', href: `${base}/help` },
  ];
}

/**
 * The site's shell around every page: a skip link, a header with the event's navigation and the
 * signed-in person, one `main` landmark and a footer. No inline script or style, so the strict
 * content security policy holds on every page.
 */
export function Layout(props: LayoutProps) {
  const { event, user } = props;
  const title = event ? `${props.title} · ${event.title}` : props.title;
  const display = props.variant === 'display';
  // A signed-in person's alerts (topics they subscribed to, meetings about to start) arrive on
  // the event's stream and show on whichever of the event's pages they have open.
  const alerts =
    user && event ? `/api/v1/events/${encodeURIComponent(event.slug)}/stream?views=alerts` : null;
  const scripts = alerts ? [...(props.scripts ?? []), 'alerts.js'] : (props.scripts ?? []);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {props.stylesheets?.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {scripts.map((name) => (
          <script type="module" src={assetUrl(name)} key={name} />
        ))}
      </head>
      <body class={display ? 'display' : undefined}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        {display ? null : (
          <header class="site-header">
            <div class="site-header__inner">
              <p class="brand">
                <a href="/">Convene</a>
                {event ? (
                  <>
                    <span aria-hidden="true"> / </span>
                    <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a>
                  </>
                ) : null}
              </p>
              <div class="account">
                {user ? (
                  <>
                    <a class="account__name" href="/me">
                      {user.name}
                    </a>
                    {user.isOrganizer ? (
                      <a class="account__role" href="/organise">
                        organiser
                      </a>
                    ) : null}
                    <a href="/signout">Sign out</a>
                  </>
                ) : (
                  <a href="/signin">Sign in</a>
                )}
              </div>
            </div>
            {event ? (
              <nav class="site-nav" aria-label="Event">
                <ul>
                  {eventNavigation(event.slug).map((item) => (
                    <li key={item.key}>
                      <a href={item.href} aria-current={item.key === props.active ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </header>
        )}
        {alerts ? (
          <section class="alerts" aria-label="Your alerts" data-alerts-stream={alerts}>
            <ul id="alert-list" class="alerts__list" aria-live="polite" />
            <template id="alert-template">
              <li class="alert">
                <span class="alert__text" />{' '}
                <a class="alert__link" href="/">
                  Open
                </a>{' '}
                <button type="button" class="alert__close">
                  Dismiss
                </button>
              </li>
            </template>
          </section>
        ) : null}
        <main id="main" tabIndex={-1}>
          {event?.status && !display ? <StatusBanner event={{ ...event, status: event.status }} /> : null}
          {props.children}
        </main>
        {display ? null : (
          <footer class="site-footer">
            <p>
              Scheduled with Convene. Scripts can read everything here from the{' '}
              <a href="/api/v1/openapi.json">JSON API</a>. <a href="/events">All events</a> ·{' '}
              <a href="/newsletter">Newsletter</a>
            </p>
          </footer>
        )}
      </body>
    </html>
  );
}

/**
 * What every page of a draft or archived event says first: a draft is seen by organisers only (a
 * preview), an archive is a record that no longer takes sign-ups, registrations or bookings.
 */
function StatusBanner({ event }: { event: Pick<EventInfo, 'slug' | 'title' | 'status'> }) {
  const console = `/events/${encodeURIComponent(event.slug)}/organise`;
  if (event.status === 'draft')
    return (
      <p class="banner banner--warning status-banner">
        <strong>Draft — only organisers see this.</strong> Everyone else is told there is no such event until
        it is <a href={console}>published in the console</a>.
      </p>
    );
  if (event.status === 'archived')
    return (
      <p class="banner banner--info status-banner">
        <strong>This event is over and archived.</strong> Its pages and feeds stay as a record; sign-up,
        registration, booking and topics are closed.
      </p>
    );
  return null;
}
