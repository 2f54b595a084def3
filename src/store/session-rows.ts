import type { SessionRecord, TeamSummary } from '../core/model/session.ts';
import type { Database } from './schema.ts';

type Row<T extends keyof Database> = Database[T];

export function sessionRecordToRow(eventId: string, record: SessionRecord): Row<'session_records'> {
  return {
    id: record.id,
    event_id: eventId,
    title: record.title,
    agenda: record.agenda,
    etherpad_url: record.etherpadUrl,
    recording_url: record.recordingUrl,
    guests_json: JSON.stringify(record.guests),
    headcount: record.headcount?.count ?? null,
    headcount_at: record.headcount?.at ?? null,
    updated_at: record.updatedAt,
  };
}

export function sessionRecordFromRow(row: Row<'session_records'>): SessionRecord {
  return {
    id: row.id,
    title: row.title,
    agenda: row.agenda,
    etherpadUrl: row.etherpad_url,
    recordingUrl: row.recording_url,
    guests: JSON.parse(row.guests_json),
    headcount:
      row.headcount === null || row.headcount_at === null
        ? null
        : { count: Number(row.headcount), at: row.headcount_at },
    updatedAt: row.updated_at,
  };
}

export function summaryToRow(eventId: string, summary: TeamSummary): Row<'team_summaries'> {
  return {
    team_id: summary.teamId,
    event_id: eventId,
    summary_url: summary.summaryUrl,
    notes_url: summary.notesUrl,
    set_at: summary.at,
  };
}

export function summaryFromRow(row: Row<'team_summaries'>): TeamSummary {
  return { teamId: row.team_id, summaryUrl: row.summary_url, notesUrl: row.notes_url, at: row.set_at };
}
