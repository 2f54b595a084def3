import { grammar, helpLine, type Scope, type VerbSpec, verbsOf } from './grammar.ts';

/**
 * The answer to `help` (an overview of every verb, by scope) or `help VERB` (the usage, purpose,
 * audience and an example of each verb of that name: `help clean` explains both `#TEAM clean` and
 * `~clean`; `help motd` every `~motd …`). Read from the grammar table, like the docs page.
 */
export function helpReply(topic: string | null): string {
  if (!topic) return overview();
  const scope: Scope | null = topic.startsWith('#') ? 'team' : topic.startsWith('~') ? 'organiser' : null;
  const key = topic.replace(/^[#~+]/, '').toLowerCase();
  const specs: readonly VerbSpec[] = grammar;
  const found = specs.filter(
    (spec) =>
      (scope === null || spec.scope === scope) &&
      (spec.name === key || spec.name.startsWith(`${key} `) || spec.aliases?.includes(key)),
  );
  if (found.length === 0) return `There is no command "${topic.slice(0, 30)}". ${overview()}`;
  return found.map(helpLine).join('\n');
}

function overview(): string {
  const names = (scope: Scope) =>
    [...new Set(verbsOf(scope).map((spec) => spec.name.split(' ')[0]))].join('|');
  return [
    `Team commands (for the team's moderators): #TEAM ${names('team')} …, for example: ${verbsOf('team')[0]?.example}`,
    `Your own (in a private message, or with + in the channel): ${names('personal')}.`,
    `Organisers: ~${names('organiser').split('|').join(' ~')}.`,
    'Send help COMMAND (for example: help book) to learn more about one.',
  ].join('\n');
}
