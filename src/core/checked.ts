import { type Refusal, type RefusalCode, refusal } from './errors.ts';

/** A value that passed a check, or the refusal that explains why it did not. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: Refusal };

export function passed<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function failed<T>(code: RefusalCode, message?: string): Checked<T> {
  return { ok: false, refusal: refusal(code, message) };
}

export function failedWith<T>(found: Refusal): Checked<T> {
  return { ok: false, refusal: found };
}
