import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/**
 * The schedule schemas and the ptgbot fixture are not part of the project: they are read from where
 * they are, `CONVENE_SHARED_DIR` or else `../shared` beside the repository, rather than copied in.
 */
export const sharedFolder =
  process.env.CONVENE_SHARED_DIR ?? fileURLToPath(new URL('../../../shared/', import.meta.url));

/** The absolute path of a file in the shared folder, e.g. `schemas/schedule.xml.xsd`. */
export function sharedPath(relative: string): string {
  return join(sharedFolder, relative);
}

export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

/**
 * `describe` for suites that read the shared folder. Where it is absent (a fresh clone elsewhere)
 * they are skipped with a message saying so, on a laptop and in CI alike: these files belong to
 * other projects and cannot travel with this one.
 */
export function describeWithShared(files: readonly string[], name: string, body: () => void): void {
  const missing = files.filter((file) => !existsSync(sharedPath(file)));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  describe.skip(
    `${name} (skipped: ${missing.map(sharedPath).join(', ')} not found; set CONVENE_SHARED_DIR)`,
    body,
  );
}
