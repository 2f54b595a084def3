import { type IrcSettings, readIrcSettings } from './chat/irc-settings.ts';
import { parseInstant } from './core/model/instant.ts';
import { checkHttpUrl } from './core/text/http-url.ts';
import { defaultHttpLimits, type HttpLimits } from './web/limits.ts';

/** Where the demo clock starts when `CONVENE_NOW` is not set: Tuesday afternoon of the event. */
export const defaultDemoNow = '2022-10-18T14:20:00Z';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly baseUrl: string;
  /** in demo mode the clock starts here and runs forward; null means real time */
  readonly clockStart: string | null;
  readonly demo: boolean;
  /** the IRC bot, when `IRC_SERVER` is set */
  readonly irc: IrcSettings | null;
  /** what one client may hold: streams, request time, body size (see docs/limits.md) */
  readonly limits: HttpLimits;
  /** file descriptors kept free of event streams, for ordinary requests and the database */
  readonly descriptorReserve: number;
  /** `METRICS_TOKEN`: turns on `GET /metrics` for requests bearing it */
  readonly metricsToken: string | null;
  /** `STOP_TIMEOUT` (seconds): the longest a stopping server takes before it exits anyway */
  readonly stopTimeoutMs: number;
}

/** A metrics token shorter than this would be guessed; start-up refuses it. */
const minMetricsTokenLength = 16;

/** Reads the environment; a bad value stops start-up with a sentence saying which and why. */
export function readConfig(
  env: NodeJS.ProcessEnv,
  overrides: { port?: number; demo?: boolean } = {},
): Config {
  const port = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const demo = overrides.demo ?? false;
  const start = env.CONVENE_NOW ? parseInstant(env.CONVENE_NOW) : null;
  if (env.CONVENE_NOW && !start)
    throw new ConfigError(`CONVENE_NOW must be an ISO date-time such as ${defaultDemoNow}.`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/convene.sqlite',
    baseUrl: readBaseUrl(env.BASE_URL || `http://localhost:${port}`),
    clockStart: start ?? (demo ? defaultDemoNow : null),
    demo,
    irc: readIrc(env),
    limits: readLimits(env),
    descriptorReserve: positive(env, 'STREAMS_RESERVE', 1000),
    metricsToken: readMetricsToken(env.METRICS_TOKEN),
    stopTimeoutMs: positive(env, 'STOP_TIMEOUT', 8) * 1000,
  };
}

function readMetricsToken(text: string | undefined): string | null {
  if (!text) return null;
  if (text.length < minMetricsTokenLength || /\s/.test(text))
    throw new ConfigError(
      `METRICS_TOKEN must be at least ${minMetricsTokenLength} characters without spaces (try: openssl rand -hex 24).`,
    );
  return text;
}

/** `STREAMS_*`, `*_TIMEOUT` (seconds) and `BODY_LIMIT` (bytes), each defaulting to `defaultHttpLimits`. */
function readLimits(env: NodeJS.ProcessEnv): HttpLimits {
  const seconds = (name: string, fallbackMs: number) => positive(env, name, fallbackMs / 1000) * 1000;
  const limits: HttpLimits = {
    streamsPerAddress: positive(env, 'STREAMS_PER_ADDRESS', defaultHttpLimits.streamsPerAddress),
    streamsTotal: positive(env, 'STREAMS_TOTAL', defaultHttpLimits.streamsTotal),
    headersTimeoutMs: seconds('HEADERS_TIMEOUT', defaultHttpLimits.headersTimeoutMs),
    requestTimeoutMs: seconds('REQUEST_TIMEOUT', defaultHttpLimits.requestTimeoutMs),
    bodyLimitBytes: positive(env, 'BODY_LIMIT', defaultHttpLimits.bodyLimitBytes),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new ConfigError('HEADERS_TIMEOUT must not be longer than REQUEST_TIMEOUT.');
  return limits;
}

/** A whole number above zero from `name`, or `fallback` when it is not set. */
export function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  if (!env[name]) return fallback;
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a whole number above zero.`);
  return value;
}

/** The IRC bot's settings (see `readIrcSettings`); a bad value stops start-up. */
function readIrc(env: NodeJS.ProcessEnv): IrcSettings | null {
  const read = readIrcSettings(env);
  if (!read.ok) throw new ConfigError(read.refusal.message);
  return read.value;
}

export class ConfigError extends Error {}

/** The public address every link is built from: a full http(s) address, kept without a final slash. */
function readBaseUrl(text: string): string {
  const checked = checkHttpUrl(text);
  if (!checked.ok)
    throw new ConfigError(`BASE_URL must be a full http:// or https:// address, not "${text.slice(0, 80)}".`);
  return checked.value.replace(/\/+$/, '');
}
