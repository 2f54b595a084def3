import { type Checked, failed, passed } from '../../../core/checked.ts';
import type { BookingRules, EventInfo } from '../../../core/model/event.ts';
import { type JointCaps, jointCapsRules } from '../../../core/model/session.ts';
import { Select, TextField } from '../components/form-parts.tsx';
import type { FormBody } from '../form-body.ts';
import { consoleFields } from './console-fields.ts';

/** Reads a box: the posted text when a form comes back, else the stored value. */
type Value = (name: string, current: string | number | null | undefined) => string;

type Rules = Pick<EventInfo, 'rules' | 'signupOpensAt' | 'signupClosesAt'>;

/** The booking limits and phases and the sign-up dates, as the console's boxes (instants in UTC). */
export function RulesFields(props: { value: Value; event?: Rules }) {
  const { value, event } = props;
  return (
    <>
      <TextField
        label="Hours per team and UTC day"
        name="daily_cap"
        value={value('daily_cap', consoleFields.hours(event?.rules.dailyCapMinutes ?? null))}
        hint="Empty for no limit."
      />
      <TextField
        label="Hours per team for the event"
        name="total_cap"
        value={value('total_cap', consoleFields.hours(event?.rules.totalCapMinutes ?? null))}
        hint="Empty for no limit."
      />
      <Select
        label="Time in a joint session counts against the caps of"
        name="joint_caps"
        value={value('joint_caps', event?.rules.jointCaps ?? 'host')}
        options={[
          { value: 'host', label: 'the host team only' },
          { value: 'every-team', label: 'every team in the session' },
        ]}
        hint="A team that joins another team’s session spends those hours there either way."
      />
      <TextField
        label="Cross-project teams may book from (UTC)"
        name="cross_project_opens_at"
        type="datetime-local"
        value={value('cross_project_opens_at', consoleFields.utcBox(event?.rules.crossProjectOpensAt))}
      />
      <TextField
        label="Other teams may book from (UTC)"
        name="others_open_at"
        type="datetime-local"
        value={value('others_open_at', consoleFields.utcBox(event?.rules.othersOpenAt))}
      />
      <TextField
        label="Team sign-up opens (UTC)"
        name="signup_opens_at"
        type="datetime-local"
        value={value('signup_opens_at', consoleFields.utcBox(event?.signupOpensAt))}
      />
      <TextField
        label="Team sign-up closes (UTC)"
        name="signup_closes_at"
        type="datetime-local"
        value={value('signup_closes_at', consoleFields.utcBox(event?.signupClosesAt))}
        hint="After this, organisers add teams themselves."
      />
    </>
  );
}

/** What `RulesFields` posted, as values; the core decides whether they make sense. */
export function readRules(form: FormBody): Checked<Rules & { rules: BookingRules }> {
  const daily = consoleFields.readHours(form.text('daily_cap'), 'daily limit');
  if (!daily.ok) return daily;
  const total = consoleFields.readHours(form.text('total_cap'), 'limit for the event');
  if (!total.ok) return total;
  const jointCaps = form.text('joint_caps').trim() || 'host';
  if (!jointCapsRules.includes(jointCaps as JointCaps))
    return failed('invalid_input', 'Joint time counts for the host only or for every team in the session.');
  const instants: Record<string, string | null> = {};
  for (const [name, what] of [
    ['cross_project_opens_at', 'opening for cross-project teams'],
    ['others_open_at', 'opening for other teams'],
    ['signup_opens_at', 'opening of sign-up'],
    ['signup_closes_at', 'close of sign-up'],
  ] as const) {
    const read = consoleFields.readUtc(form.text(name), what);
    if (!read.ok) return read;
    instants[name] = read.value;
  }
  return passed({
    rules: {
      dailyCapMinutes: daily.value,
      totalCapMinutes: total.value,
      crossProjectOpensAt: instants.cross_project_opens_at ?? null,
      othersOpenAt: instants.others_open_at ?? null,
      jointCaps: jointCaps as JointCaps,
    },
    signupOpensAt: instants.signup_opens_at ?? null,
    signupClosesAt: instants.signup_closes_at ?? null,
  });
}
