/** How the items of one list in a view are told apart. */
export type KeyOf = (item: unknown) => string;

/** The change to one keyed list: items added or changed, keys removed, and the order when it moved. */
export interface ListPatch {
  readonly upsert: readonly unknown[];
  readonly remove: readonly string[];
  /** every key in the new order; only when appending and removing do not explain it */
  readonly order?: readonly string[];
}

/** What changed between two presentations of a view: replaced fields and patched lists. */
export interface ViewPatch {
  readonly set: Readonly<Record<string, unknown>>;
  readonly lists: Readonly<Record<string, ListPatch>>;
}

/** The items of a view's keyed lists as JSON, by list and key: what one diff leaves for the next. */
export type SerialisedLists = Map<string, ReadonlyMap<string, string>>;

/**
 * The smallest patch that turns `before` into `after`: lists named in `lists` are compared item by
 * item under their key, other fields are replaced when they differ. Null when nothing changed, so
 * nobody is sent an empty message. Fields in `ignore` (the revision, the time) are left out.
 *
 * With `serialised`, the items of `before`'s lists are taken from it instead of serialised again,
 * and it is left holding `after`'s: pass the same map with each view and the one diffed before it.
 */
export function diffView(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  lists: Readonly<Record<string, KeyOf>>,
  ignore: readonly string[] = [],
  serialised?: SerialisedLists,
): ViewPatch | null {
  const set: Record<string, unknown> = {};
  const patches: Record<string, ListPatch> = {};
  for (const [field, value] of Object.entries(after)) {
    if (ignore.includes(field)) {
      serialised?.delete(field);
      continue;
    }
    const keyOf = lists[field];
    const previous = before[field];
    if (keyOf && Array.isArray(value) && Array.isArray(previous)) {
      const old = serialised?.get(field) ?? serialiseList(previous, keyOf);
      const { patch, items } = compareList(old, value, keyOf);
      serialised?.set(field, items);
      if (patch) patches[field] = patch;
    } else {
      serialised?.delete(field);
      if (JSON.stringify(previous) !== JSON.stringify(value)) set[field] = value;
    }
  }
  if (Object.keys(set).length === 0 && Object.keys(patches).length === 0) return null;
  return { set, lists: patches };
}

/** Compares two keyed lists; null when they are the same. */
export function diffList(
  before: readonly unknown[],
  after: readonly unknown[],
  keyOf: KeyOf,
): ListPatch | null {
  return compareList(serialiseList(before, keyOf), after, keyOf).patch;
}

function serialiseList(items: readonly unknown[], keyOf: KeyOf): Map<string, string> {
  return new Map(items.map((item) => [keyOf(item), JSON.stringify(item)]));
}

/** Compares a list, given as its serialised items by key, with its next version. */
function compareList(
  old: ReadonlyMap<string, string>,
  after: readonly unknown[],
  keyOf: KeyOf,
): { patch: ListPatch | null; items: Map<string, string> } {
  const keys = after.map(keyOf);
  const texts = after.map((item) => JSON.stringify(item));
  const items = new Map(keys.map((key, index) => [key, texts[index] ?? '']));
  const present = new Set(keys);
  const upsert = after.filter((_item, index) => old.get(keys[index] ?? '') !== texts[index]);
  const remove = [...old.keys()].filter((key) => !present.has(key));
  const kept = [...old.keys()].filter((key) => present.has(key));
  const appended = keys.filter((key) => !old.has(key));
  const expected = [...kept, ...appended];
  const moved = expected.some((key, index) => key !== keys[index]);
  if (upsert.length === 0 && remove.length === 0 && !moved) return { patch: null, items };
  return { patch: moved ? { upsert, remove, order: keys } : { upsert, remove }, items };
}
