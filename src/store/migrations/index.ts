import type { Migration } from 'kysely';
import * as core from './0001-core.ts';
import * as people from './0002-people.ts';
import * as chat from './0003-chat.ts';
import * as mailOutbox from './0004-mail-outbox.ts';
import * as scheduleDrafts from './0006-schedule-drafts.ts';
import * as sessions from './0008-sessions.ts';
import * as overrideReasons from './0010-override-reasons.ts';
import * as alerts from './0011-alerts.ts';
import * as mailingsAndCoc from './0013-mailings-and-coc.ts';
import * as nickClaims from './0014-nick-claims.ts';
import * as feedback from './0015-feedback.ts';
import * as teamInvitations from './0016-team-invitations.ts';

/** Every migration, by name, in the order they run. One set serves SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-people': people,
  '0003-chat': chat,
  '0004-mail-outbox': mailOutbox,
  '0006-schedule-drafts': scheduleDrafts,
  '0011-alerts': alerts,
  '0008-sessions': sessions,
  '0010-override-reasons': overrideReasons,
  '0013-mailings-and-coc': mailingsAndCoc,
  '0014-nick-claims': nickClaims,
  '0015-feedback': feedback,
  '0016-team-invitations': teamInvitations,
};
