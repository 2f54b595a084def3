/**
 * A request path as it may be logged: the secret in personal calendar addresses, and the token of
 * one-time links (sign-in, newsletter confirmation and unsubscribe), are replaced.
 */
export function redactSecrets(url: string): string {
  return url.replace(/\/feeds\/[^/?#]+/g, '/feeds/…').replace(/([?&]token=)[^&#]*/g, '$1…');
}
