/**
 * The orders every copy of an event keeps, in memory and in the database: rooms by position, teams
 * and bookings by creation (then id, for ties within a second), closed cells by room then slot.
 * Compared as plain code points, the same in JavaScript and whatever collation a database uses.
 */
export function byPosition(a: { position: number; id: string }, b: { position: number; id: string }): number {
  return a.position - b.position || compareText(a.id, b.id);
}

export function byCreation(
  a: { createdAt: string; id: string },
  b: { createdAt: string; id: string },
): number {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

export function byCell(a: { roomId: string; slotId: string }, b: { roomId: string; slotId: string }): number {
  return compareText(a.roomId, b.roomId) || compareText(a.slotId, b.slotId);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
