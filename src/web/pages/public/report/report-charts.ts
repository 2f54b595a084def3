import { attendeeRoles } from '../../../../core/model/registration.ts';
import type { RegistrationFigures } from '../../../../core/people/registration-figures.ts';
import type { checkInsByHour, EventReport } from '../../../../core/sessions/event-report.ts';
import { describeUtcDay, describeUtcTime } from '../../../../core/text/describe-time.ts';
import type { BarChart } from './bar-chart.ts';

type Cell = string | number | null;

/** A chart of the report with the table behind it: the same figures for screen readers and CSV. */
export interface ReportChart extends BarChart {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** organisers only */
  readonly restricted: boolean;
}

const round = (hours: number) => Math.round(hours * 10) / 10;
/** countries named in the table of registrations over time; the rest are added up */
const countriesOverTime = 10;

/** The report's charts, in page order; organisers also get the registration figures. */
export function reportCharts(
  report: EventReport,
  checkIns: ReturnType<typeof checkInsByHour>,
  registrations: RegistrationFigures | null,
): ReportChart[] {
  const charts: ReportChart[] = [
    {
      id: 'team-hours',
      title: 'Hours booked per team',
      description:
        'Each team’s booked hours, most first; the table adds the hours each asked for at sign-up.',
      unit: 'Hours booked',
      bars: report.hoursByTeam.map((row) => ({ label: row.team.name, value: round(row.booked) })),
      header: ['Team', 'Hours booked', 'Hours asked'],
      rows: report.hoursByTeam.map((row) => [row.team.name, round(row.booked), row.asked]),
      restricted: false,
    },
    {
      id: 'people-per-day',
      title: 'People counted per day',
      description: 'The head-counts moderators recorded, added up per day (UTC) of the sessions.',
      unit: 'People counted',
      bars: report.headcountsByDay.map((row) => ({
        label: describeUtcDay(`${row.day}T00:00:00Z`),
        value: row.people,
      })),
      header: ['Day (UTC)', 'People counted', 'Sessions counted'],
      rows: report.headcountsByDay.map((row) => [row.day, row.people, row.sessions]),
      restricted: false,
    },
    {
      id: 'check-ins-per-hour',
      title: 'Check-ins per hour',
      description:
        'How many people checked in (with a team or a place) in each hour (UTC); each person’s latest check-in only.',
      unit: 'Check-ins',
      bars: checkIns.map((row) => ({
        label: `${describeUtcDay(row.hour)} ${describeUtcTime(row.hour)}`,
        value: row.checkIns,
      })),
      header: ['Hour (UTC)', 'Check-ins'],
      rows: checkIns.map((row) => [row.hour, row.checkIns]),
      restricted: false,
    },
    {
      id: 'room-use',
      title: 'Rooms’ use',
      description: 'Hours booked in each room; the table adds the hours each room was open.',
      unit: 'Hours booked',
      bars: report.roomUse.map((row) => ({ label: row.room.name, value: round(row.hours) })),
      header: ['Room', 'Hours booked', 'Hours open'],
      rows: report.roomUse.map((row) => [row.room.name, round(row.hours), round(row.open)]),
      restricted: false,
    },
    {
      id: 'windows',
      title: 'Busiest windows',
      description: 'Hours booked in each window of the day over the whole event, busiest first.',
      unit: 'Hours booked',
      bars: report.windows.map((row) => ({ label: row.window, value: round(row.hours) })),
      header: ['Window', 'Hours booked'],
      rows: report.windows.map((row) => [row.window, round(row.hours)]),
      restricted: false,
    },
  ];
  if (registrations) {
    charts.push({
      id: 'registrations-by-role',
      title: 'Registrations by role',
      description: `How the ${registrations.total} people who registered described their role.`,
      unit: 'Registrations',
      bars: registrations.byRole.map((row) => ({ label: row.role, value: row.count })),
      header: ['Role', 'Registrations'],
      rows: registrations.byRole.map((row) => [row.role, row.count]),
      restricted: true,
    });
    charts.push({
      id: 'registrations-by-country',
      title: 'Registrations by country',
      description: 'Registrations per country given, most first (none: no country given).',
      unit: 'Registrations',
      bars: registrations.byCountry
        .slice(0, 20)
        .map((row) => ({ label: row.country ?? 'none', value: row.count })),
      header: ['Country', 'Registrations'],
      rows: registrations.byCountry.map((row) => [row.country ?? '', row.count]),
      restricted: true,
    });
    const named = registrations.byCountry.slice(0, countriesOverTime);
    const others = registrations.byCountry.length > countriesOverTime;
    charts.push({
      id: 'registrations-over-time',
      title: 'Registrations over time',
      description:
        'People registered so far at the end of each day (UTC) someone registered; the table adds them up by role and by country.',
      unit: 'Registered so far',
      bars: registrations.overTime.map((row) => ({
        label: describeUtcDay(`${row.day}T00:00:00Z`),
        value: row.total,
      })),
      header: [
        'Day (UTC)',
        'Registered so far',
        ...attendeeRoles,
        ...named.map((row) => row.country ?? 'no country'),
        ...(others ? ['other countries'] : []),
      ],
      rows: registrations.overTime.map((row) => {
        const shown = row.byCountry.slice(0, countriesOverTime);
        const rest = row.total - shown.reduce((sum, count) => sum + count, 0);
        return [row.day, row.total, ...row.byRole, ...shown, ...(others ? [rest] : [])];
      }),
      restricted: true,
    });
  }
  return charts;
}
