import { isLiveTeam, type Team } from '../model/team.ts';

/**
 * Pairs a team with an earlier one whose name is the same once case, punctuation and spacing are
 * ignored ("OpenStack Helm" / "OpenStack-Helm"), or within two typing mistakes of it. Declined and
 * withdrawn teams are left out. Returns, for each flagged team id, the earlier team it resembles.
 */
export function likelyDuplicates(teams: readonly Team[]): Map<string, Team> {
  const live = teams.filter(isLiveTeam);
  const flagged = new Map<string, Team>();
  for (const [index, team] of live.entries()) {
    const earlier = live.slice(0, index).find((other) => resembles(team.name, other.name));
    if (earlier) flagged.set(team.id, earlier);
  }
  return flagged;
}

/**
 * The other live teams (requested or approved) a team could be a duplicate of, earlier or later:
 * what an organiser reviewing its sign-up should look at before approving it.
 */
export function duplicatesOf(teams: readonly Team[], team: Team): Team[] {
  return teams.filter(
    (other) => other.id !== team.id && isLiveTeam(other) && resembles(team.name, other.name),
  );
}

/** Two team names that are the same once normalised, or within two typing mistakes of each other. */
export function resembles(first: string, second: string): boolean {
  const key = nameKey(first);
  const otherKey = nameKey(second);
  return (
    otherKey === key || (Math.min(key.length, otherKey.length) >= 6 && editDistance(key, otherKey, 2) <= 2)
  );
}

/** A name with case, accents, punctuation and spacing removed. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
