import { type Checked, failed, passed } from '../core/checked.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { Team } from '../core/model/team.ts';
import type { User } from '../core/model/user.ts';
import { ircNickKey } from '../core/people/check-user.ts';
import type { ModeratorSpec } from '../core/signups/signup-form.ts';
import { saveProfile, signedInUser } from './account.ts';
import { idMakerOf } from './context-of.ts';
import type { Runtime, Who } from './runtime.ts';

/** A pending nick claim as its owner sees it on `/me` and in their data export. */
export interface NickClaimView {
  readonly id: string;
  readonly nick: string;
  /** who named the nick; null once their account is gone */
  readonly proposedBy: string | null;
  readonly event: { readonly slug: string; readonly title: string } | null;
  readonly team: string | null;
  readonly createdAt: string;
}

/**
 * A form filled in by someone else (a team's sign-up, or an organiser adding a team on the web)
 * named `address nick` for a moderator: the nick is not attached to that account, it waits as a
 * claim for its owner to accept or decline on `/me`. Nothing is stored for a nick the person
 * already has.
 */
export async function proposeNicks(
  runtime: Runtime,
  who: Who,
  state: EventState,
  team: Team,
  specs: readonly ModeratorSpec[],
): Promise<void> {
  for (const { email, ircNick } of specs) {
    if (!email || !ircNick) continue;
    const user = await runtime.store.findUserByEmail(email);
    if (!user || (user.ircNick && ircNickKey(user.ircNick) === ircNickKey(ircNick))) continue;
    await runtime.store.nicks.saveClaim({
      id: idMakerOf(runtime)(),
      userId: user.id,
      nick: ircNick,
      proposedBy: who.actor?.userId ?? null,
      eventId: state.event.id,
      teamId: team.id,
      createdAt: runtime.clock.now(),
    });
  }
}

/** The nick claims waiting for the person, with the event and team they came from. */
export async function pendingNickClaims(runtime: Runtime, userId: string): Promise<NickClaimView[]> {
  const views: NickClaimView[] = [];
  for (const claim of await runtime.store.nicks.claimsOf(userId)) {
    const state = claim.eventId ? await runtime.models.get(claim.eventId) : null;
    const team = state?.teams.find((each) => each.id === claim.teamId);
    views.push({
      id: claim.id,
      nick: claim.nick,
      proposedBy: claim.proposerName,
      event: state ? { slug: state.event.slug, title: state.event.title } : null,
      team: team?.name ?? null,
      createdAt: claim.createdAt,
    });
  }
  return views;
}

/**
 * The person accepts a nick named for them: it becomes their IRC nick (replacing any other), and
 * what it held without an account becomes theirs. Refuses with `unauthenticated`, `not_found`
 * for a claim that is not theirs, and `invalid_input` when the nick already belongs to someone
 * else (the claim stays, to decline).
 */
export async function acceptNickClaim(runtime: Runtime, who: Who, claimId: string): Promise<Checked<User>> {
  const found = await signedInUser(runtime, who);
  if (!found.ok) return found;
  const user = found.value;
  const claim = (await runtime.store.nicks.claimsOf(user.id)).find((each) => each.id === claimId);
  if (!claim) return failed('not_found', 'You have no such nick to accept.');
  const profile = { name: user.name, ircNick: claim.nick, timeZone: user.timeZone };
  const saved = await saveProfile(runtime, user.id, profile);
  if (!saved.ok) return saved;
  await runtime.store.nicks.removeClaim(user.id, claim.id);
  return passed({ ...user, ircNick: claim.nick });
}

/** The person declines a nick named for them: the claim goes. Refuses like `acceptNickClaim`. */
export async function declineNickClaim(runtime: Runtime, who: Who, claimId: string): Promise<Checked<null>> {
  const found = await signedInUser(runtime, who);
  if (!found.ok) return found;
  const removed = await runtime.store.nicks.removeClaim(found.value.id, claimId);
  return removed ? passed(null) : failed('not_found', 'You have no such nick to decline.');
}
