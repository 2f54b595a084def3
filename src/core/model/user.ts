import type { Instant } from './instant.ts';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly ircNick: string | null;
  readonly timeZone: string | null;
  readonly isOrganizer: boolean;
  /** agreed to appear, with check-ins, in "find people" */
  readonly listedInFindPeople: boolean;
  readonly createdAt: Instant;
}
