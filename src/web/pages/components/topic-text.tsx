import type { EventState } from '../../../core/model/event-state.ts';
import { topicParts } from '../../../core/text/topic-parts.ts';

/**
 * A topic with its web links and `#team` mentions linked; everything else is plain, escaped text,
 * isolated in `<bdi>` so right-to-left text cannot reorder what is around it.
 */
export function TopicText(props: { text: string; state: EventState }) {
  const { state } = props;
  const isTeam = (slug: string) =>
    state.teams.some((team) => team.slug === slug && team.status === 'approved');
  return (
    <bdi>
      {topicParts(props.text, isTeam).map((part, index) => {
        if (part.kind === 'link')
          return (
            <a href={part.url} rel="nofollow noopener" key={index}>
              {part.text}
            </a>
          );
        if (part.kind === 'team')
          return (
            <a href={`/events/${encodeURIComponent(state.event.slug)}/teams/${part.slug}`} key={index}>
              {part.text}
            </a>
          );
        return part.text;
      })}
    </bdi>
  );
}
