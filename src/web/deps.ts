import type { Runtime } from '../app/execute.ts';
import type { Operations } from '../app/operations.ts';

/** What routes and pages need: the runtime for reads and identity, the operations for writes. */
export interface WebDeps {
  readonly runtime: Runtime;
  readonly ops: Operations;
  /** the public address, for links in feeds and e-mails */
  readonly baseUrl: string;
}
