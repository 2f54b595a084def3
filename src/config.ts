import { type IrcSettings, readIrcSettings } from './chat/irc-settings.ts';
import { parseInstant } from './core/model/instant.ts';
import { checkHttpUrl } from './core/text/http-url.ts';

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
    metricsToken: readMetricsToken(env.METRICS_TOKEN),
    stopTimeoutMs: readStopTimeout(env.STOP_TIMEOUT),
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

function readStopTimeout(text: string | undefined): number {
  if (!text) return 8000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600)
    throw new ConfigError(
      `STOP_TIMEOUT must be a number of seconds from 1 to 600, not "${text.slice(0, 20)}".`,
    );
  return Math.round(seconds * 1000);
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
