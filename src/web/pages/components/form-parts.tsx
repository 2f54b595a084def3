import type { ComponentChildren } from 'preact';
import type { Refusal } from '../../../core/errors.ts';
import { csrfField } from '../../plugins/session.ts';

/** The hidden field every form carries so the server knows the post came from this site. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={csrfField} value={props.token} />;
}

/** A one-button form that posts one hidden value, shown as a link (or as a button with `button`). */
export function InlineAction(props: {
  action: string;
  csrf: string;
  name: string;
  value: string;
  button?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      <input type="hidden" name={props.name} value={props.value} />
      <button type="submit" class={props.button ? 'button' : 'link-button'}>
        {props.children}
      </button>
    </form>
  );
}

/** Why the form was not accepted, announced to screen readers and shown above the form. */
export function ErrorSummary(props: { refusal: Refusal | null | undefined }) {
  if (!props.refusal) return null;
  return (
    <div class="error-summary" role="alert" id="form-error">
      <h2>There is a problem</h2>
      <p>{props.refusal.message}</p>
      {props.refusal.parts ? (
        <ul class="error-summary__parts">
          {props.refusal.parts.map((part) => (
            <li key={part.item} class={part.ok ? undefined : 'is-refused'}>
              <code>{part.item}</code>: {part.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A confirmation or a note above a form; `log` for the notice that an e-mail went to the server log. */
export function Notice(props: { log?: boolean; children: ComponentChildren }) {
  return (
    <div class={props.log ? 'notice notice--log' : 'notice'} role="status">
      {props.children}
    </div>
  );
}

/** A field's label, and its hint under it (referred to by the input's `aria-describedby`). */
function FieldHead(props: { id: string; label: string; hint?: string | undefined }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </>
  );
}

interface FieldProps {
  readonly label: string;
  readonly name: string;
  /** needed when the same field appears in several forms of a page */
  readonly id?: string;
  readonly hint?: string;
  readonly required?: boolean;
}

export function TextField(
  props: FieldProps & {
    readonly value?: string | number | null;
    readonly type?: 'text' | 'email' | 'url' | 'number' | 'datetime-local' | 'date' | 'time';
    readonly autocomplete?: string;
    readonly maxLength?: number;
    readonly min?: number;
    readonly max?: number;
  },
) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <div class="field">
      <FieldHead id={id} label={props.label} hint={props.hint} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
    </div>
  );
}

export function TextArea(
  props: FieldProps & { readonly value?: string; readonly long?: boolean; readonly maxLength?: number },
) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <div class="field">
      <FieldHead id={id} label={props.label} hint={props.hint} />
      <textarea
        id={id}
        name={props.name}
        required={props.required}
        maxLength={props.maxLength}
        class={props.long ? 'field__long' : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function Select(
  props: FieldProps & {
    readonly value?: string | null;
    readonly options: readonly { readonly value: string; readonly label: string }[];
  },
) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <div class="field">
      <FieldHead id={id} label={props.label} hint={props.hint} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === (props.value ?? '')} key={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every time zone the runtime knows, "(not given)" first; built once. */
const timeZoneOptions = [
  { value: '', label: '(not given)' },
  ...Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
];

/** A person's time zone (`time_zone`), or none. */
export function TimeZoneSelect(props: { readonly value: string; readonly hint?: string }) {
  return (
    <Select
      label="Time zone"
      name="time_zone"
      value={props.value}
      hint={props.hint}
      options={timeZoneOptions}
    />
  );
}

/** One box to tick, its label beside it. */
export function Checkbox(props: {
  readonly label: ComponentChildren;
  readonly name: string;
  readonly checked?: boolean;
  readonly value?: string;
}) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} value={props.value ?? 'yes'} checked={props.checked} />
      <span>{props.label}</span>
    </label>
  );
}

/** Several boxes (`multiple`) or radio buttons under one legend. */
export function Choices(
  props: FieldProps & {
    readonly multiple?: boolean;
    readonly selected: readonly string[];
    readonly options: readonly { readonly value: string; readonly label: string }[];
  },
) {
  return (
    <fieldset class="field">
      <legend>{props.label}</legend>
      {props.hint ? <p class="field__hint">{props.hint}</p> : null}
      <div class="choices">
        {props.options.map((option) => (
          <label class="choice" key={option.value}>
            <input
              type={props.multiple ? 'checkbox' : 'radio'}
              name={props.name}
              value={option.value}
              checked={props.selected.includes(option.value)}
              required={props.required && !props.multiple}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The row under a form with its one button; `quiet` for the secondary action of a page. */
export function SubmitButton(props: { readonly children: ComponentChildren; readonly quiet?: boolean }) {
  return (
    <div class="form-actions">
      <button type="submit" class={props.quiet ? 'button button--quiet' : 'button'}>
        {props.children}
      </button>
    </div>
  );
}
