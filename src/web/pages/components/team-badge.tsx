import type { Team } from '../../../core/model/team.ts';

/**
 * A team's name on its colour, linking to the team's page. The colour comes from the event's team
 * style sheet (`team-<slug>`), whose text colour is chosen for WCAG AA contrast. `dir=auto`: a
 * right-to-left name keeps its own direction without reordering the text around it.
 */
export function TeamBadge(props: { eventSlug: string; team: Pick<Team, 'slug' | 'name'>; link?: boolean }) {
  const { team } = props;
  const className = `badge team-${team.slug}`;
  if (props.link === false)
    return (
      <span class={className} dir="auto">
        {team.name}
      </span>
    );
  return (
    <a
      class={className}
      dir="auto"
      href={`/events/${encodeURIComponent(props.eventSlug)}/teams/${team.slug}`}
    >
      {team.name}
    </a>
  );
}
