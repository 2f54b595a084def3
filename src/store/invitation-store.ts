import type { Kysely } from 'kysely';
import type { TeamKind } from '../core/model/team.ts';
import type { InvitationStatus, TeamInvitation } from '../core/model/team-invitation.ts';
import type { Database, TeamInvitationsTable } from './schema.ts';

/** How an invitation is answered: the team signed up (making this team), or declined. */
export type InvitationAnswer =
  | { readonly status: 'signed-up'; readonly teamId: string }
  | { readonly status: 'declined' };

/**
 * Teams invited to sign up again for an event (see `TeamInvitation`). One invitation per earlier
 * short name in an event; an invitation is answered once. The same contract on SQLite and PostgreSQL.
 */
export interface InvitationStore {
  /** adds invitations, skipping any whose short name the event already has an invitation for */
  add(invitations: readonly TeamInvitation[]): Promise<void>;
  find(id: string): Promise<TeamInvitation | null>;
  /** an event's invitations, by team name */
  list(eventId: string): Promise<TeamInvitation[]>;
  /** notes that the invitations were e-mailed at `at` */
  markSent(ids: readonly string[], at: string): Promise<void>;
  /** answers an invitation still open; false when it was not (unknown, or answered already) */
  answer(id: string, answer: InvitationAnswer, at: string): Promise<boolean>;
}

export class KyselyInvitationStore implements InvitationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(invitations: readonly TeamInvitation[]): Promise<void> {
    if (invitations.length === 0) return;
    await this.db
      .insertInto('team_invitations')
      .values(invitations.map(invitationToRow))
      .onConflict((oc) => oc.columns(['event_id', 'slug']).doNothing())
      .execute();
  }

  async find(id: string): Promise<TeamInvitation | null> {
    const row = await this.db
      .selectFrom('team_invitations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? invitationFromRow(row) : null;
  }

  async list(eventId: string): Promise<TeamInvitation[]> {
    const rows = await this.db
      .selectFrom('team_invitations')
      .selectAll()
      .where('event_id', '=', eventId)
      .execute();
    return rows
      .map(invitationFromRow)
      .sort(
        (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug),
      );
  }

  async markSent(ids: readonly string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('team_invitations').set({ sent_at: at }).where('id', 'in', ids).execute();
  }

  async answer(id: string, answer: InvitationAnswer, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('team_invitations')
      .set({
        status: answer.status,
        team_id: answer.status === 'signed-up' ? answer.teamId : null,
        answered_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function invitationToRow(invitation: TeamInvitation): TeamInvitationsTable {
  return {
    id: invitation.id,
    event_id: invitation.eventId,
    name: invitation.name,
    slug: invitation.slug,
    kind: invitation.kind,
    cross_project: invitation.crossProject ? 1 : 0,
    moderators_json: JSON.stringify(invitation.moderators),
    hours_wanted: invitation.hoursWanted,
    preferred_windows_json: JSON.stringify(invitation.preferredWindows),
    avoid_clashes_json: JSON.stringify(invitation.avoidClashes),
    status: invitation.status,
    team_id: invitation.teamId,
    created_at: invitation.createdAt,
    sent_at: invitation.sentAt,
    answered_at: invitation.answeredAt,
  };
}

function invitationFromRow(row: TeamInvitationsTable): TeamInvitation {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    slug: row.slug,
    kind: row.kind as TeamKind,
    crossProject: Number(row.cross_project) === 1,
    moderators: JSON.parse(row.moderators_json),
    hoursWanted: row.hours_wanted === null ? null : Number(row.hours_wanted),
    preferredWindows: JSON.parse(row.preferred_windows_json),
    avoidClashes: JSON.parse(row.avoid_clashes_json),
    status: row.status as InvitationStatus,
    teamId: row.team_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    answeredAt: row.answered_at,
  };
}
