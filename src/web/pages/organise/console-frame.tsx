import type { ComponentChildren } from 'preact';
import type { Refusal } from '../../../core/errors.ts';
import type { EventInfo } from '../../../core/model/event.ts';
import { ErrorSummary, Notice } from '../components/form-parts.tsx';
import { Layout, type PageUser } from '../layout.tsx';
import { formAssets } from '../people-context.ts';

/** The sections of an event's organiser console, in order. */
function consoleSections(slug: string) {
  const base = `/events/${encodeURIComponent(slug)}/organise`;
  return [
    { key: 'overview', label: 'Overview', href: base },
    { key: 'settings', label: 'Settings and content', href: `${base}/settings` },
    { key: 'coc', label: 'Code of Conduct', href: `${base}/coc` },
    { key: 'grid', label: 'Days and windows', href: `${base}/grid` },
    { key: 'rules', label: 'Booking rules and phases', href: `${base}/rules` },
    { key: 'rooms', label: 'Rooms', href: `${base}/rooms` },
    { key: 'bookings', label: 'Book for teams', href: `${base}/bookings` },
    { key: 'signups', label: 'Sign-ups', href: `${base}/signups` },
    { key: 'teams', label: 'Teams', href: `${base}/teams` },
    { key: 'registrations', label: 'Registrations', href: `${base}/registrations` },
    { key: 'mailings', label: 'Mailings', href: `${base}/mailings` },
    { key: 'feedback', label: 'Feedback form', href: `${base}/feedback` },
    { key: 'motd', label: 'Banners', href: `${base}/motd` },
    { key: 'audit', label: 'Changes', href: `${base}/audit` },
    { key: 'draft', label: 'Draft the schedule', href: `${base}/draft` },
  ] as const;
}

type ConsoleSection = ReturnType<typeof consoleSections>[number]['key'];

/** Every console page: the event's layout, the console's own navigation, a notice or the refusal, the content. */
export function ConsoleFrame(props: {
  event: Pick<EventInfo, 'slug' | 'title'>;
  user: PageUser | null;
  section: ConsoleSection;
  title: string;
  done?: string | undefined;
  refusal?: Refusal | null | undefined;
  children: ComponentChildren;
}) {
  return (
    <Layout title={`${props.title} · Organise`} event={props.event} user={props.user} {...formAssets()}>
      <h1>{props.title}</h1>
      <nav class="console-nav" aria-label="Organiser console">
        <ul>
          {consoleSections(props.event.slug).map((section) => (
            <li key={section.key}>
              <a href={section.href} aria-current={section.key === props.section ? 'page' : undefined}>
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.done ? <Notice>{props.done}</Notice> : null}
      <ErrorSummary refusal={props.refusal} />
      {props.children}
    </Layout>
  );
}
