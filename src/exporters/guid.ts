import { createHash } from 'node:crypto';

/** Convene's own namespace for name-based UUIDs (RFC 9562, version 5); fixed forever. */
const conveneNamespace = '3f0c6f2e-5b8e-4d43-9a57-7c1f1d2b9e60';

/**
 * A UUID that is always the same for the same name: schedule apps need a `guid` per entry that stays
 * put across republishing and is unique across systems, whatever our own ids look like.
 */
export function guidFor(name: string): string {
  return uuidV5(conveneNamespace, name);
}

/** RFC 9562 name-based UUID, version 5 (SHA-1). */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The guid of a published meeting, shared by the iCalendar `UID` and the frab / c3voc `guid`. */
export function meetingGuid(eventId: string, meetingKey: string): string {
  return guidFor(`meeting:${eventId}:${meetingKey}`);
}

export function roomGuid(eventId: string, roomId: string): string {
  return guidFor(`room:${eventId}:${roomId}`);
}
