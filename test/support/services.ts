import { describe } from 'vitest';

/**
 * Suites that need a real service (PostgreSQL, a browser, an IRC server) run when it is there.
 * On a laptop without it they are skipped with a message; under CI=true they run anyway and fail,
 * so a missing service can never pass unnoticed.
 */
export function describeWithService(
  service: string,
  available: boolean,
  name: string,
  body: () => void,
): void {
  if (available || process.env.CI) {
    describe(name, body);
    return;
  }
  describe.skip(`${name} (skipped: ${service} is not available here; CI runs it)`, body);
}
