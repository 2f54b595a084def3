import { isLiveTeam, type Team } from '../model/team.ts';

/**
 * The other live teams (requested or approved) a team could be a duplicate of, earlier or later:
 * what an organiser reviewing its sign-up should look at before approving it. Two names resemble
 * each other when they are the same once case, accents, punctuation and spacing are ignored
 * ("OpenStack Helm" / "OpenStack-Helm"), or within two typing mistakes of each other.
 */
export function duplicatesOf(teams: readonly Team[], team: Team): Team[] {
  return duplicateFinder(teams)(team);
}

/**
 * `duplicatesOf` for many teams of one list: each name is normalised once, however many teams are
 * asked about.
 */
export function duplicateFinder(teams: readonly Team[]): (team: Team) => Team[] {
  const live = teams.filter(isLiveTeam);
  const keys = new Map(live.map((other) => [other.id, nameKey(other.name)]));
  return (team) => {
    const key = keys.get(team.id) ?? nameKey(team.name);
    return live.filter((other) => other.id !== team.id && resembles(key, keys.get(other.id) ?? ''));
  };
}

/** Two normalised names that are the same, or within two typing mistakes of each other. */
function resembles(key: string, otherKey: string): boolean {
  return (
    otherKey === key || (Math.min(key.length, otherKey.length) >= 6 && editDistance(key, otherKey, 2) <= 2)
  );
}

/** A name with case, accents, punctuation and spacing removed. */
function nameKey(name: string): string {
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
