import type { SignupOutcomeKind } from '../../../core/model/signup.ts';
import type { TeamKind, TeamStatus } from '../../../core/model/team.ts';

/** How team kinds, statuses and sign-up outcomes read on pages. */
export const teamKindLabels: Readonly<Record<TeamKind, string>> = {
  project: 'Project team',
  sig: 'Special interest group (SIG)',
  'working-group': 'Working group',
  other: 'Other group',
};

/** Headings of the official team list, one group per kind. */
export const teamKindGroupLabels: Readonly<Record<TeamKind, string>> = {
  project: 'Project teams',
  sig: 'Special interest groups (SIGs)',
  'working-group': 'Working groups',
  other: 'Other groups',
};

export const teamStatusLabels: Readonly<Record<TeamStatus, string>> = {
  requested: 'waiting for review',
  approved: 'on the official list',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

export const outcomeLabels: Readonly<Record<SignupOutcomeKind, string>> = {
  approved: 'Approved',
  declined: 'Declined',
  merged: 'Merged into another team',
  withdrawn: 'Withdrawn',
};
