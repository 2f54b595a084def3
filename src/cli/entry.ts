import { readFile } from 'node:fs/promises';
import { runCli } from './main.ts';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFile(path, 'utf8'),
});
if (code >= 0) process.exitCode = code;
