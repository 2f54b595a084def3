/**
 * What one client may hold of the server: open event streams, time to send a request, size of a
 * body. docs/limits.md lists each with its environment variable.
 */
export interface HttpLimits {
  /** event streams open at once from one client address (an IPv6 /64 counts as one address) */
  readonly streamsPerAddress: number;
  /** event streams open at once in all; beyond it new ones are refused until some close */
  readonly streamsTotal: number;
  /** milliseconds a client has to send its request headers */
  readonly headersTimeoutMs: number;
  /** milliseconds a client has to send its whole request, body included */
  readonly requestTimeoutMs: number;
  /** the largest request body, in bytes (JSON and forms) */
  readonly bodyLimitBytes: number;
}

export const defaultHttpLimits: HttpLimits = {
  streamsPerAddress: 100,
  streamsTotal: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  bodyLimitBytes: 256 * 1024,
};

/** The limits in force: the defaults, with what was configured laid over them. */
export function httpLimits(given: Partial<HttpLimits> = {}): HttpLimits {
  return { ...defaultHttpLimits, ...given };
}
