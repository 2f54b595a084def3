import { readFileSync } from 'node:fs';
import type { HttpLimits } from './web/limits.ts';

/**
 * How many files this process may open (the soft `RLIMIT_NOFILE`), read from `/proc/self/limits`;
 * null where that cannot be read (not Linux) or there is no limit.
 */
export function openFilesLimit(): number | null {
  try {
    const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    const value = Number(line?.[1]);
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/**
 * The limits with the total of event streams lowered, if need be, so that `reserve` descriptors
 * stay free for ordinary requests, the database and files whatever the streams do. `lowered` says
 * whether it had to be, so start-up can say how to raise the descriptor limit.
 */
export function fitStreamsToDescriptors(
  limits: HttpLimits,
  descriptors: number | null,
  reserve: number,
): { limits: HttpLimits; lowered: boolean } {
  if (descriptors === null || limits.streamsTotal + reserve <= descriptors) return { limits, lowered: false };
  return { limits: { ...limits, streamsTotal: Math.max(1, descriptors - reserve) }, lowered: true };
}
