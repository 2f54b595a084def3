import { DatabaseUnavailable, isConnectionLost } from '../store/database.ts';

/**
 * The request failed because the database could not be reached (restarting, network cut), not
 * because of anything the client sent: adapters answer `unavailable` and the client tries again.
 */
export function isUnavailable(error: unknown): boolean {
  return error instanceof DatabaseUnavailable || isConnectionLost(error);
}
