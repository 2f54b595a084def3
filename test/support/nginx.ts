import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runConvene } from './server-process.ts';
import { describeWithService } from './services.ts';

/** Debian's nginx, which the proxy suites start with the configuration Convene prints. */
export const nginxBinary = '/usr/sbin/nginx';
export const nginxAvailable = existsSync(nginxBinary);

/** `describe` for suites that need nginx (see `describeWithService`). */
export function describeWithNginx(name: string, body: () => void): void {
  describeWithService('nginx', nginxAvailable, name, body);
}

export interface Nginx {
  readonly url: string;
  readonly port: number;
  /** the prefix directory: logs, pid, temporary files */
  readonly dir: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Prints the configuration with `convene deploy nginx` for these instance addresses (`HOST:PORT`),
 * lets `adjust` change it, and starts nginx with it in the foreground on a free loopback port.
 */
export async function startNginx(
  upstreams: readonly string[],
  adjust: (config: string, dir: string) => string = (config) => config,
): Promise<Nginx> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'convene-nginx-'));
  const args = ['deploy', 'nginx', '--listen', `127.0.0.1:${port}`, '--server-name', 'ptg.test'];
  for (const upstream of upstreams) args.push('--upstream', upstream);
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, adjust(await runConvene(args, {}), dir));
  const child = spawn(nginxBinary, ['-p', dir, '-c', file, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${errors}`);
    if (
      await fetch(`${url}/healthz`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    dir,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `HOST:PORT` of a server's URL, as `--upstream` takes it. */
export function hostPort(url: string): string {
  return new URL(url).host;
}
