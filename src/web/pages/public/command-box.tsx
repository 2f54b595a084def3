import { maxCommandLength } from '../../../core/chat-language/parse.ts';
import { CsrfField } from '../components/form-parts.tsx';

/** What the box answered: the line sent, the reply, and whether it was refused. */
export interface CommandResult {
  readonly text: string;
  readonly reply: string;
  readonly ok: boolean;
  /** a page of the same event to go back to (the team page whose button was pressed) */
  readonly back: string | null;
}

/**
 * The command box: one line of the chat command language, sent by an ordinary form (it works
 * without JavaScript) to the help page, which runs it like the bot and the API do.
 */
export function CommandBox(props: {
  eventSlug: string;
  result: CommandResult | null;
  signedIn: boolean;
  /** the form token of this browser (see the session plugin) */
  csrf: string;
}) {
  const { result } = props;
  return (
    <section class="panel command-box" aria-labelledby="command-box">
      <h2 id="command-box">Send a command</h2>
      <form method="post" action={`/events/${encodeURIComponent(props.eventSlug)}/help`}>
        <CsrfField token={props.csrf} />
        <label for="command-text">Command</label>
        <div class="command-box__row">
          <input
            id="command-text"
            name="text"
            type="text"
            required
            maxLength={maxCommandLength}
            autocomplete="off"
            spellcheck={false}
            placeholder="#nova now Placement cleanup"
            value={result && !result.ok ? result.text : ''}
          />
          <button class="button" type="submit">
            Send
          </button>
        </div>
      </form>
      {props.signedIn ? null : (
        <p class="hint">You are not signed in: commands that change something will ask you to sign in.</p>
      )}
      {result ? (
        <div class={result.ok ? 'command-box__reply' : 'command-box__reply is-refused'} role="status">
          <p>
            <code>{result.text}</code>
          </p>
          <p class="command-box__text">{result.reply}</p>
          {result.back ? (
            <p>
              <a href={result.back}>Back</a>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A form button that sends one fixed command (a check-in on a team page) through the command box. */
export function CommandButton(props: {
  eventSlug: string;
  text: string;
  label: string;
  back: string;
  csrf: string;
}) {
  return (
    <form method="post" action={`/events/${encodeURIComponent(props.eventSlug)}/help`} class="command-button">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="text" value={props.text} />
      <input type="hidden" name="back" value={props.back} />
      <button class="button button--quiet" type="submit">
        {props.label}
      </button>
    </form>
  );
}

/** A page of this event to link back to, or null for anything else. */
export function backLink(eventSlug: string, value: string): string | null {
  const base = `/events/${encodeURIComponent(eventSlug)}/`;
  return value.startsWith(base) && /^\/[\w\-/.%]*$/.test(value) && !value.includes('..') ? value : null;
}
