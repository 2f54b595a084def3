import type { EventState } from '../../../core/model/event-state.ts';
import { teamKinds } from '../../../core/model/team.ts';
import { officialList } from '../../../core/signups/official-list.ts';
import { teamKindGroupLabels } from './labels.ts';
import { TeamBadge } from './team-badge.tsx';

/**
 * The official team list (approved teams), grouped by kind and sorted by name, with the line that
 * tells a missing team whom to write to. `level` is the heading level of the groups.
 */
export function TeamList(props: { state: EventState; level: 2 | 3 }) {
  const { state } = props;
  const approved = officialList(state);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <>
      {teamKinds.map((kind) => {
        const teams = approved.filter((team) => team.kind === kind);
        if (teams.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <Heading id={`kind-${kind}`}>
              {teamKindGroupLabels[kind]} <span class="count">({teams.length})</span>
            </Heading>
            <ul class="team-list">
              {teams.map((team) => (
                <li key={team.id}>
                  <TeamBadge eventSlug={state.event.slug} team={team} />
                  {team.crossProject ? <span class="tag">cross-project</span> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p class="hint">
        Your team is missing? Write to <a href={`mailto:${state.event.contact}`}>{state.event.contact}</a>.
      </p>
    </>
  );
}
