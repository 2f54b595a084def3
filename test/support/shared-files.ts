import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeWithService } from './services.ts';

/**
 * `../shared` beside the repository: the schedule schemas and the ptgbot fixture, which are not part
 * of the project and are read from where they are rather than copied in.
 */
export const sharedFolder = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** The absolute path of a file in `../shared`, e.g. `schemas/schedule.xml.xsd`. */
export function sharedPath(relative: string): string {
  return `${sharedFolder}${relative}`;
}

export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

/**
 * `describe` for suites that read `../shared`: skipped with a message where that folder is absent
 * (a fresh clone elsewhere), run and failing under CI=true.
 */
export function describeWithShared(files: readonly string[], name: string, body: () => void): void {
  describeWithService(
    `the shared folder (../shared/${files.join(', ../shared/')})`,
    files.every((file) => existsSync(sharedPath(file))),
    name,
    body,
  );
}
