export interface Room {
  readonly id: string;
  readonly slug: string;
  /** any text, spaces allowed */
  readonly name: string;
  /** the room's video link; may carry a passcode */
  readonly url: string | null;
  readonly description: string;
  readonly capacity: number | null;
  readonly features: readonly string[];
  readonly position: number;
}
