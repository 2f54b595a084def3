import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../test/support/web.ts';
import { systemActor } from '../core/model/actor.ts';
import { logMailer } from '../mail/log-mailer.ts';
import { signUpTeam } from './signups.ts';

const site = useTestSite();

const form = {
  name: 'Brand New Team',
  kind: 'project',
  crossProject: false,
  moderators: 'first.mod@example.org\nsecond.mod@example.org',
  expectedAttendance: 5,
  hoursWanted: 4,
  preferredWindows: [],
  avoidClashes: [],
  onboarding: false,
  operatorHour: false,
  video: 'rooms',
  videoUrl: '',
  notes: '',
};

describe('signUpTeam', () => {
  it('creates no moderator accounts for a sign-up the rules refuse (signups_closed)', async () => {
    const { runtime, ops } = site();
    const organiser = { actor: systemActor, source: 'api' as const };
    await ops.updateEvent('oct2022-ptg', organiser, { signupClosesAt: '2022-09-01T00:00:00Z' });
    const lead = await runtime.store.createUser(
      { email: 'lead@example.org', name: 'Lead', ircNick: null, isOrganizer: false },
      'user-lead',
      runtime.clock.now(),
    );
    const outcome = await signUpTeam(
      runtime,
      { mailer: logMailer(() => {}), baseUrl: 'http://convene.test' },
      { actor: { userId: lead.id, name: lead.name, isOrganizer: false }, source: 'web' },
      'oct2022-ptg',
      form,
    );
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'signups_closed' } });
    expect(await runtime.store.findUserByEmail('first.mod@example.org')).toBeNull();
    expect(await runtime.store.findUserByEmail('second.mod@example.org')).toBeNull();
  });
});
