/**
 * The short name people type: lower-case, with runs of punctuation and spaces as one hyphen
 * ("OpenStack-Helm" and "OpenStack Helm" both become `openstack-helm`).
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug that people can type after `#`: starts with a letter or digit, at most 60 characters. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,59}$/.test(slug) && !slug.endsWith('-');
}
