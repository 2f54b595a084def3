/**
 * The audit view: the event's change log read back for organisers, one entry per revision, newest
 * first, narrowed by team, person, source and a span of time, and cut into pages. Pure: the caller
 * reads the revisions and turns a day in the viewer's zone into the span.
 */
import type { Change } from '../changes.ts';
import type { Source } from '../model/actor.ts';
import type { Instant } from '../model/instant.ts';
import type { Revision } from '../revision.ts';

/** What to keep: each field null keeps everything. */
export interface AuditFilter {
  /** a team id: revisions with a change about this team */
  readonly team: string | null;
  /** an `auditPersonKey`: revisions made by this person */
  readonly person: string | null;
  readonly source: Source | null;
  /** revisions at or after `from` and before `until` */
  readonly from: Instant | null;
  readonly until: Instant | null;
}

/** One revision as the audit view lists it: each change with the team it is about, if any. */
export interface AuditEntry {
  readonly revision: number;
  readonly at: Instant;
  readonly person: string;
  readonly source: Source;
  readonly changes: readonly { readonly type: Change['type']; readonly teamId: string | null }[];
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  /** 1-based; the last page when the one asked for is past it */
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/** The name the view gives a change nobody made (the system, an import). */
export const systemPerson = 'Convene';

/** Who made a revision, as one key per person (their id; their recorded name when there is none). */
export function auditPersonKey(revision: Pick<Revision, 'actorId' | 'actorName'>): string {
  return revision.actorId ?? `name:${revision.actorName ?? systemPerson}`;
}

/** Everyone who made a change, once each, by name: the choices of the person filter. */
export function auditPeople(revisions: readonly Revision[]): { key: string; name: string }[] {
  const people = new Map<string, string>();
  for (const revision of revisions) people.set(auditPersonKey(revision), revision.actorName ?? systemPerson);
  return [...people].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The revisions the filter keeps, newest first, `perPage` to a page. */
export function auditPage(
  revisions: readonly Revision[],
  filter: AuditFilter,
  page: number,
  perPage: number,
): AuditPage {
  const bookingTeams = new Map<string, string>();
  const entries: AuditEntry[] = [];
  for (const revision of revisions) {
    const changes = revision.changes.map((change) => ({
      type: change.type,
      teamId: teamOfChange(change, bookingTeams),
    }));
    if (keeps(filter, revision, changes)) {
      entries.push({
        revision: revision.revision,
        at: revision.at,
        person: revision.actorName ?? systemPerson,
        source: revision.source,
        changes,
      });
    }
  }
  entries.reverse();
  const pages = Math.max(1, Math.ceil(entries.length / perPage));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    entries: entries.slice((shown - 1) * perPage, shown * perPage),
    page: shown,
    pages,
    total: entries.length,
  };
}

function keeps(filter: AuditFilter, revision: Revision, changes: AuditEntry['changes']): boolean {
  if (filter.source !== null && revision.source !== filter.source) return false;
  if (filter.person !== null && auditPersonKey(revision) !== filter.person) return false;
  if (filter.from !== null && revision.at < filter.from) return false;
  if (filter.until !== null && revision.at >= filter.until) return false;
  if (filter.team !== null && !changes.some((change) => change.teamId === filter.team)) return false;
  return true;
}

/** The team a change is about; a booking's team (for its cancelling, its session) is remembered from its creation. */
function teamOfChange(change: Change, bookingTeams: Map<string, string>): string | null {
  switch (change.type) {
    case 'team.saved':
      return change.team.id;
    case 'booking.created':
      bookingTeams.set(change.booking.id, change.booking.teamId);
      return change.booking.teamId;
    case 'booking.cancelled':
      return bookingTeams.get(change.bookingId) ?? null;
    case 'board.now-set':
    case 'board.next-added':
    case 'board.cleaned':
      return change.teamId;
    case 'signup.saved':
      return change.signup.teamId;
    case 'session.saved':
      return bookingTeams.get(change.session.id) ?? null;
    case 'summary.saved':
      return change.summary.teamId;
    default:
      return null;
  }
}
