import type { NickClaimView } from '../../../app/nick-claims.ts';
import type { Refusal } from '../../../core/errors.ts';
import { ErrorSummary, InlineAction } from '../components/form-parts.tsx';

/**
 * On `/me`: the IRC nicks other people named for the person (a team's sign-up naming them with a
 * nick), each to accept — it becomes their nick, the one the chat bot knows them by — or decline.
 */
export function NickClaims(props: {
  readonly claims: readonly NickClaimView[];
  readonly csrf: string;
  readonly refusal?: Refusal | undefined;
}) {
  if (props.claims.length === 0 && !props.refusal) return null;
  return (
    <section aria-labelledby="nick-claims-heading" class="prose">
      <h2 id="nick-claims-heading">IRC nicks named for you</h2>
      <ErrorSummary refusal={props.refusal} />
      <p>
        The chat bot knows people by their IRC nick, so a nick becomes yours only when you accept it. Accept a
        nick only if it is really yours.
      </p>
      <ul id="nick-claims">
        {props.claims.map((claim) => (
          <li key={claim.id}>
            <strong>{claim.nick}</strong>, named by <bdi>{claim.proposedBy ?? 'a deleted account'}</bdi>
            {claim.team ? (
              <>
                {' '}
                for <bdi>{claim.team}</bdi>
              </>
            ) : null}
            {claim.event ? (
              <>
                {' '}
                in <bdi>{claim.event.title}</bdi>
              </>
            ) : null}
            .{' '}
            <InlineAction
              action="/me/nick-claims/accept"
              csrf={props.csrf}
              name="claim"
              value={claim.id}
              button
            >
              Accept {claim.nick} as my nick
            </InlineAction>{' '}
            <InlineAction action="/me/nick-claims/decline" csrf={props.csrf} name="claim" value={claim.id}>
              Decline {claim.nick}
            </InlineAction>
          </li>
        ))}
      </ul>
    </section>
  );
}
