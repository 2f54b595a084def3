import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'convene.js');

/** A loopback port nobody is using right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The test process's environment without the variables the test runner adds for bundled code
 * (`BASE_URL=/` among them), which a real server would read as its own configuration.
 */
export function inheritedEnv(): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, ...rest } = process.env;
  return rest;
}

/** Runs `convene ARGS…` to the end and returns what it printed on stdout. */
export async function runConvene(args: readonly string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...inheritedEnv(), ...env },
  });
  return stdout;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** what the server wrote on its standard output (its log), the last 256 KB of it */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `convene serve` as its own process on a free loopback port and waits for `/healthz`.
 * `stop()` sends SIGTERM and waits for the exit.
 */
export function startServerProcess(
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<ServerProcess> {
  return startHttpProcess([bin, 'serve', ...args], { LOG_LEVEL: 'warn', ...env });
}

/**
 * Runs `node ARGS…` with the highest file-descriptor limit allowed (many open connections), `PORT`
 * set to a free loopback port (or the one `env` names), and waits until it answers `GET /healthz`.
 */
export async function startHttpProcess(
  nodeArgs: readonly string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  // A server started again on the port it had (behind a proxy) is given PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const command = `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"`;
  const child = spawn('sh', ['-c', command, process.execPath, ...nodeArgs], {
    env: { ...inheritedEnv(), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-256 * 1024);
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${errors}`);
    const ready = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    log: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
