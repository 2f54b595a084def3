/** On `/me`: the teams the person moderates, each with the way to its manage page (booking, links). */
export function ModeratedTeams(props: {
  readonly events: readonly { readonly event: string; readonly moderating: readonly string[] }[];
}) {
  const teams = props.events.flatMap((entry) =>
    entry.moderating.map((team) => ({ event: entry.event, team })),
  );
  if (teams.length === 0) return null;
  return (
    <section aria-labelledby="moderating-heading" class="prose">
      <h2 id="moderating-heading">Teams you moderate</h2>
      <ul>
        {teams.map(({ event, team }) => (
          <li key={`${event} ${team}`}>
            <a href={`/events/${encodeURIComponent(event)}/teams/${encodeURIComponent(team)}/manage`}>
              Manage {team}
            </a>{' '}
            ({event}): book its time, set its links
          </li>
        ))}
      </ul>
    </section>
  );
}
