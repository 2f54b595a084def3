import type { Actor } from '../../src/core/model/actor.ts';
import type { EventState } from '../../src/core/model/event-state.ts';
import { checkSignupForm, type SignupFormInput } from '../../src/core/signups/signup-form.ts';
import { submitSignup } from '../../src/core/signups/submit-signup.ts';
import { applied, beforeEvent, ctxOf, sequentialIds } from './builders.ts';

export const lead: Actor = { userId: 'user-lead', name: 'Lea Lead', isOrganizer: false };

/** A complete team sign-up of the small event, as a lead would fill it in. */
export const helmForm: SignupFormInput = {
  name: 'OpenStack Helm',
  kind: 'project',
  crossProject: false,
  moderators: 'ana@example.org ana_p\nbo@example.org',
  expectedAttendance: '12',
  hoursWanted: '4',
  preferredWindows: ['Americas / Europe'],
  avoidClashes: ['nova'],
  onboarding: true,
  operatorHour: false,
  video: 'rooms',
  videoUrl: '',
  notes: 'We would like Tuesday.',
};

/** `on` after `actor` signed `form` up, naming users `user-ana` and `user-bo` as moderators. */
export function signedUp(on: EventState, form: SignupFormInput = helmForm, actor: Actor = lead): EventState {
  const checked = checkSignupForm(on, form);
  if (!checked.ok) throw new Error(checked.refusal.message);
  return applied(
    on,
    submitSignup(
      on,
      { form: checked.value, moderatorIds: ['user-ana', 'user-bo'] },
      ctxOf(actor, beforeEvent, 'web', sequentialIds(`signup${on.teams.length}`)),
    ),
  );
}
