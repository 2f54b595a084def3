import type { SignupOutcomeKind, TeamSignup } from '../core/model/signup.ts';
import type { TeamSignupsTable } from './schema.ts';

/** A team sign-up as a row and back. */
export function signupToRow(eventId: string, signup: TeamSignup): TeamSignupsTable {
  return {
    team_id: signup.teamId,
    event_id: eventId,
    lead_id: signup.leadId,
    moderator_ids_json: JSON.stringify(signup.moderatorIds),
    expected_attendance: signup.expectedAttendance,
    hours_wanted: signup.hoursWanted,
    preferred_windows_json: JSON.stringify(signup.preferredWindows),
    avoid_clashes_json: JSON.stringify(signup.avoidClashes),
    onboarding: signup.onboarding ? 1 : 0,
    operator_hour: signup.operatorHour ? 1 : 0,
    video_url: signup.videoUrl,
    notes: signup.notes,
    submitted_at: signup.submittedAt,
    updated_at: signup.updatedAt,
    outcome: signup.outcome?.kind ?? null,
    outcome_at: signup.outcome?.at ?? null,
    outcome_reason: signup.outcome?.reason ?? null,
    merged_into: signup.outcome?.mergedInto ?? null,
    keep_bookings_json: signup.keepBookings ? JSON.stringify(signup.keepBookings) : null,
  };
}

export function signupFromRow(row: TeamSignupsTable): TeamSignup {
  return {
    teamId: row.team_id,
    leadId: row.lead_id,
    moderatorIds: JSON.parse(row.moderator_ids_json),
    expectedAttendance: row.expected_attendance,
    hoursWanted: row.hours_wanted,
    preferredWindows: JSON.parse(row.preferred_windows_json),
    avoidClashes: JSON.parse(row.avoid_clashes_json),
    ...(row.keep_bookings_json === null ? {} : { keepBookings: JSON.parse(row.keep_bookings_json) }),
    onboarding: row.onboarding === 1,
    operatorHour: row.operator_hour === 1,
    videoUrl: row.video_url,
    notes: row.notes,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    outcome:
      row.outcome && row.outcome_at
        ? {
            kind: row.outcome as SignupOutcomeKind,
            at: row.outcome_at,
            reason: row.outcome_reason,
            mergedInto: row.merged_into,
          }
        : null,
  };
}
