import type { NewEventInput } from '../core/event/create-event.ts';
import type { TeamKind } from '../core/model/team.ts';

/**
 * The demo event: the virtual Project Teams Gathering of 17–21 October 2022. Dates, team names,
 * rooms, limits and Nova's plan are public facts; the hours of the three windows, the booking
 * phase dates and every booking other than Nova's are illustrative, and the event says so.
 */
export const demoEvent: NewEventInput = {
  slug: 'oct2022-ptg',
  title: 'Project Teams Gathering, October 2022',
  startsOn: '2022-10-17',
  endsOn: '2022-10-21',
  timeZone: 'UTC',
  mode: 'virtual',
  status: 'published',
  contact: 'ptg@openinfra.dev',
  chat: '#openinfra-events on OFTC',
  etherpadTemplate: 'https://etherpad.opendev.org/p/oct2022-ptg-{team}',
  slotMinutes: 60,
  windows: [
    { name: 'APAC / Europe', start: '06:00', end: '08:00' },
    { name: 'Americas / Europe', start: '13:00', end: '17:00' },
    { name: 'APAC / Americas', start: '21:00', end: '23:00' },
  ],
  rules: {
    dailyCapMinutes: 240,
    totalCapMinutes: 960,
    crossProjectOpensAt: '2022-09-12T00:00:00Z',
    othersOpenAt: '2022-09-19T00:00:00Z',
  },
  content: {
    about: [
      'The Project Teams Gathering is a working week for the technical groups of open infrastructure projects.',
      'Teams use it to agree on what matters for the next months, share out the work, and make real progress on',
      'the problems that are hard to settle over e-mail and review comments.',
      '',
      'Dozens of teams meet at the same time in parallel rooms, and they schedule themselves while the week runs:',
      'a topic can move to the hour when the right people are free, and anyone can drop into several teams.',
      '',
      'This edition is online and free. Each day has three windows in UTC, chosen so that two regions of the',
      'world can take part comfortably in each.',
      '',
      '*This copy of the event is a demonstration. Dates, teams, rooms, limits and the Nova team’s plan are the',
      'real ones; the window hours, the booking phases and all other bookings and topics are generated.*',
    ].join('\n'),
    audience: [
      '- **Contributors** who already work in one of the teams that meet.',
      '- **Operators and end users** who want to talk with the people who build the software, and with each other.',
      '- **Leads of teams that are not meeting**, so their group is represented where decisions are made.',
    ].join('\n'),
    notFor: [
      '- **Newcomers to a project.** The Summit, with its onboarding and talks, is the better start; some teams',
      '  do run onboarding sessions during the week, listed on the schedule.',
      '- **Selling or hiring.** Vendors and recruiters are asked to stay away so teams can work.',
    ].join('\n'),
    why: [
      'A community spread over every time zone cannot settle everything asynchronously. Meeting a few times a',
      'year builds the shared picture and the trust that make the rest of the year productive — and an online,',
      'work-focused week keeps the cost for employers low.',
    ].join('\n'),
    faq: [
      '### Does it cost anything?',
      'No. Registration is free; register so the room links reach you.',
      '',
      '### Where do the meetings happen?',
      'In video rooms named after the early OpenStack releases (austin to ocata). The live board shows where',
      'each team is and links straight to the room.',
      '',
      '### My team is not on the list.',
      'Teams sign up ahead of the event. If yours is missing, write to ptg@openinfra.dev.',
      '',
      '### How do teams book time?',
      'Moderators book free cells of the schedule on the site, with the API, or from IRC with `#team book`.',
      'Each team can book up to 4 hours per UTC day and 16 hours in total; cross-project teams book first.',
      '',
      '### Is there a code of conduct?',
      'Yes. Everyone taking part follows the community Code of Conduct.',
    ].join('\n'),
  },
  codeOfConduct: {
    version: '2022-10',
    url: 'https://openinfra.dev/legal/code-of-conduct',
    text: [
      'Everyone at this event, in every room and channel, follows the OpenInfra community Code of Conduct:',
      'be respectful and considerate, welcome people of every background, and report problems to the',
      'organisers at ptg@openinfra.dev. The full text is linked below.',
    ].join('\n'),
  },
};

export interface DemoTeam {
  readonly name: string;
  readonly kind: TeamKind;
  readonly crossProject?: boolean;
  readonly slug?: string;
  /** on the official list; the duplicate sign-up stays a request */
  readonly approved: boolean;
  /** joined the official list after it was published: days after the sign-up */
  readonly addedLate?: boolean;
}

/** The published sign-ups, in order, then teams organisers added while the event ran. */
export const demoTeams: readonly DemoTeam[] = [
  { name: 'Barbican', kind: 'project', approved: true },
  { name: 'Blazar', kind: 'project', approved: true },
  { name: 'Computing Force Network (CFN) Working Group', kind: 'working-group', approved: true },
  { name: 'Cinder', kind: 'project', approved: true },
  { name: 'CloudKitty', kind: 'project', approved: true },
  { name: 'Cyborg', kind: 'project', approved: true },
  { name: 'Designate', kind: 'project', approved: true },
  { name: 'D&I WG', kind: 'working-group', crossProject: true, approved: true },
  { name: 'OpenInfra Edge Computing Group', kind: 'working-group', approved: true },
  { name: 'Environmental Sustainability Working Group', kind: 'working-group', approved: true },
  { name: 'First Contact SIG', kind: 'sig', crossProject: true, approved: true },
  { name: 'Glance', kind: 'project', approved: true },
  { name: 'Heat', kind: 'project', approved: true },
  { name: 'Horizon', kind: 'project', approved: true },
  { name: 'Interop WG', kind: 'working-group', crossProject: true, approved: true },
  { name: 'Ironic', kind: 'project', approved: true },
  { name: 'Kata Containers', kind: 'project', approved: true },
  { name: 'Keystone', kind: 'project', approved: true },
  { name: 'Kolla', kind: 'project', approved: true },
  { name: 'Kuryr', kind: 'project', approved: true },
  { name: 'Magma', kind: 'project', approved: true },
  { name: 'Magnum', kind: 'project', approved: true },
  { name: 'Manila', kind: 'project', approved: true },
  { name: 'Neutron', kind: 'project', approved: true },
  { name: 'Nova/Placement', kind: 'project', slug: 'nova', approved: true },
  { name: 'Octavia', kind: 'project', approved: true },
  { name: 'Openstack-Ansible', kind: 'project', approved: true },
  { name: 'OpenStack Charms', kind: 'project', approved: true },
  { name: 'OpenStack Helm', kind: 'project', approved: true },
  { name: 'OpenStack-Helm', kind: 'project', slug: 'openstack-helm-2', approved: false },
  { name: 'OpenStack Operators', kind: 'other', crossProject: true, approved: true },
  { name: 'OpenStack Security SIG', kind: 'sig', crossProject: true, approved: true },
  { name: 'OpenStack Technical Committee', kind: 'other', crossProject: true, slug: 'tc', approved: true },
  { name: 'Ansible OpenStack Modules', kind: 'project', approved: true },
  { name: 'QA', kind: 'project', crossProject: true, approved: true },
  { name: 'Release Management', kind: 'project', crossProject: true, slug: 'relmgt', approved: true },
  { name: 'OpenStack SDK/CLI', kind: 'project', slug: 'sdk', approved: true },
  { name: 'Scientific SIG', kind: 'sig', approved: true, addedLate: true },
  { name: 'StarlingX', kind: 'project', approved: true },
  { name: 'Swift', kind: 'project', approved: true },
  { name: 'Tacker', kind: 'project', approved: true },
  { name: 'Telemetry', kind: 'project', approved: true },
  { name: 'TripleO', kind: 'project', approved: true },
  { name: 'Venus', kind: 'project', approved: true, addedLate: true },
  { name: 'Nova operator hour', kind: 'other', slug: 'operator-hour-nova', approved: true },
  { name: 'Skyline', kind: 'project', approved: true, addedLate: true },
  { name: 'Baremetal SIG', kind: 'sig', approved: true, addedLate: true },
];

export const demoRooms = [
  'austin',
  'bexar',
  'cactus',
  'diablo',
  'essex',
  'folsom',
  'grizzly',
  'havana',
  'icehouse',
  'juno',
  'kilo',
  'liberty',
  'mitaka',
  'newton',
  'ocata',
] as const;

export const demoRoomUrl = (room: string) => `https://openinfra.dev/ptg/rooms/${room}`;

/** The Nova team's published plan for the week, in room bexar (UTC). */
export const novaPlan: readonly { day: string; from: number; to: number; team: string; topic?: string }[] = [
  { day: '2022-10-17', from: 14, to: 15, team: 'nova', topic: 'Joint session with Ironic' },
  { day: '2022-10-18', from: 13, to: 15, team: 'operator-hour-nova', topic: 'Operator hour' },
  { day: '2022-10-18', from: 15, to: 17, team: 'nova' },
  { day: '2022-10-19', from: 13, to: 16, team: 'nova' },
  { day: '2022-10-19', from: 16, to: 17, team: 'operator-hour-nova', topic: 'Operator hour' },
  { day: '2022-10-20', from: 13, to: 15, team: 'nova', topic: 'Joint session with Neutron' },
  { day: '2022-10-20', from: 15, to: 17, team: 'nova' },
  { day: '2022-10-21', from: 13, to: 17, team: 'nova' },
];

/** Topics the generator gives teams on the board; generic planning work every team does. */
export const demoTopics: readonly string[] = [
  'Retrospective of the last cycle',
  'Priorities for the next cycle',
  'Review of open specifications',
  'CI stability and flaky jobs',
  'Dropping support for old Python versions',
  'Upgrade testing between releases',
  'Documentation gaps reported by operators',
  'Bug triage: the oldest open reports',
  'Policy defaults and role-based access',
  'Onboarding new contributors',
  'Cross-project: common dependency updates',
  'Release schedule and freeze dates',
  'Performance regressions seen in production',
  'API microversion cleanup',
];
