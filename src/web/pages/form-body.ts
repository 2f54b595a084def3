/**
 * Reads a posted form (`application/x-www-form-urlencoded`): every field as text, with repeated
 * fields (ticked boxes) as lists. Anything else posted reads as an empty form, so a handler only
 * ever sees strings and the core decides what they mean.
 */
export class FormBody {
  private readonly fields: Record<string, unknown>;

  constructor(body: unknown) {
    this.fields =
      body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  /** The field's text; the first value when it was sent more than once; empty when absent. */
  text(name: string): string {
    const value = this.fields[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  }

  /** Every value sent for the field, e.g. the boxes ticked in a group. */
  list(name: string): string[] {
    const value = this.fields[name];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return values.filter((item): item is string => typeof item === 'string');
  }

  /** Whether a box was ticked. */
  checked(name: string): boolean {
    return this.text(name) !== '';
  }
}
