/** A request path as it may be logged: the secret in personal calendar addresses is replaced. */
export function redactSecrets(url: string): string {
  return url.replace(/\/feeds\/[^/?#]+/g, '/feeds/…');
}
