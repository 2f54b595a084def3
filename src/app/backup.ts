import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { TableDump } from '../store/installation-tables.ts';
import type { Runtime } from './runtime.ts';

/**
 * A backup is one file of JSON lines: a header (format, version, the migrations the database had
 * run), then each table — a line naming it and its columns, then one line per row — and a last
 * line holding the counts and the SHA-256 of every byte before it. Rows are plain values, so a
 * backup of SQLite restores into PostgreSQL and back.
 */
const formatName = 'convene-backup';
/** Raised when the file's layout changes; a reader refuses versions above its own. */
export const backupFormatVersion = 1;

interface Header {
  readonly format: string;
  readonly version: number;
  readonly written_at: string;
  readonly database: string;
  readonly migrations: readonly string[];
}

interface TableLine {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

interface EndLine {
  readonly end: true;
  readonly tables: number;
  readonly rows: number;
  readonly sha256: string;
}

/** What a backup holds. */
export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
}

/** A backup file that must not be restored, or a database it must not go into; nothing was written. */
export class BackupRefused extends Error {}

/**
 * Writes the whole installation to `path`, from one consistent snapshot while the server keeps
 * running. The file appears under its name only once complete.
 */
export async function writeBackup(runtime: Runtime, path: string, writtenAt: string): Promise<BackupSummary> {
  const { store } = runtime;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const hash = createHash('sha256');
  const write = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    hash.update(line);
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  await opened;
  let tables = 0;
  let rows = 0;
  try {
    const header: Header = {
      format: formatName,
      version: backupFormatVersion,
      written_at: writtenAt,
      database: store.dialect,
      migrations: await store.appliedMigrations(),
    };
    await write(header);
    await store.dumpTables(async (table) => {
      await write({ table: table.name, columns: table.columns, rows: table.rows.length } satisfies TableLine);
      for (const row of table.rows) await write(row);
      tables += 1;
      rows += table.rows.length;
    });
    const end: EndLine = { end: true, tables, rows, sha256: hash.digest('hex') };
    out.write(`${JSON.stringify(end)}\n`);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return { tables, rows };
}

/**
 * Reads a backup through once and refuses it — before anything is written — when it is not a
 * Convene backup, comes from a newer version, is cut short, or was changed after it was written.
 */
export async function checkBackup(path: string, knownMigrations: readonly string[]): Promise<BackupSummary> {
  const hash = createHash('sha256');
  let header: Header | null = null;
  let end: EndLine | null = null;
  let table: TableLine | null = null;
  let rowsLeft = 0;
  let tables = 0;
  let rows = 0;
  let number = 0;
  for await (const line of lines(path)) {
    number += 1;
    if (end) throw new BackupRefused(`${path} goes on after its last line (line ${number}): it was changed.`);
    const value = parseLine(path, line, number);
    if (!header) {
      header = readHeader(path, value, knownMigrations);
    } else if (rowsLeft > 0) {
      if (!Array.isArray(value) || value.length !== table?.columns.length)
        throw edited(path, `line ${number} is not a row of ${table?.table}`);
      rowsLeft -= 1;
      rows += 1;
    } else if (isEnd(value)) {
      end = value;
      continue;
    } else {
      table = readTableLine(path, value, number);
      rowsLeft = table.rows;
      tables += 1;
    }
    hash.update(`${line}\n`);
  }
  if (!header) throw new BackupRefused(`${path} is empty: it is not a Convene backup.`);
  if (!end || rowsLeft > 0)
    throw new BackupRefused(`${path} is incomplete: it ends before its last line (the copy was cut short).`);
  if (end.sha256 !== hash.digest('hex') || end.tables !== tables || end.rows !== rows)
    throw edited(path, 'its checksum does not match its content');
  return { tables, rows };
}

/**
 * Restores a backup into this database, which must be empty (freshly created; migrations run):
 * the file is checked first, then every table is written in one transaction, so a failure leaves
 * the database as empty as it was.
 */
export async function restoreBackup(runtime: Runtime, path: string): Promise<BackupSummary> {
  const { store } = runtime;
  const summary = await checkBackup(path, store.knownMigrations);
  const filled = Object.entries(await store.countRows()).filter(([, count]) => count > 0);
  if (filled.length > 0) {
    const some = filled
      .slice(0, 4)
      .map(([name, count]) => `${name}: ${count}`)
      .join(', ');
    throw new BackupRefused(
      `This database is not empty (${some}${filled.length > 4 ? ', …' : ''}). Restore into a new, empty database.`,
    );
  }
  await store.loadTables(tablesOf(path));
  return summary;
}

/** The tables of a checked backup, one at a time. */
async function* tablesOf(path: string): AsyncGenerator<TableDump> {
  let current: { name: string; columns: readonly string[]; rows: unknown[][]; left: number } | null = null;
  let first = true;
  for await (const line of lines(path)) {
    const value = JSON.parse(line);
    if (first) {
      first = false;
      continue;
    }
    if (current && current.left > 0) {
      current.rows.push(value);
      current.left -= 1;
    } else if (isEnd(value)) {
      break;
    } else {
      current = { name: value.table, columns: value.columns, rows: [], left: value.rows };
    }
    if (current && current.left === 0) {
      yield { name: current.name, columns: current.columns, rows: current.rows };
      current = null;
    }
  }
}

function lines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
}

function parseLine(path: string, line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupRefused(
      number === 1
        ? `${path} is not a Convene backup.`
        : `${path} is damaged or incomplete: line ${number} is not whole.`,
    );
  }
}

function readHeader(path: string, value: unknown, knownMigrations: readonly string[]): Header {
  const header = value as Partial<Header> | null;
  if (header?.format !== formatName || typeof header.version !== 'number')
    throw new BackupRefused(`${path} is not a Convene backup.`);
  if (header.version > backupFormatVersion)
    throw new BackupRefused(
      `${path} was written by a newer Convene (backup format ${header.version}; this one reads format ${backupFormatVersion}). Upgrade Convene, then restore.`,
    );
  const unknown = (header.migrations ?? []).filter((name) => !knownMigrations.includes(name));
  if (unknown.length > 0)
    throw new BackupRefused(
      `${path} was written by a newer Convene: its database had run ${unknown.join(', ')}, which this one does not know. Upgrade Convene, then restore.`,
    );
  return header as Header;
}

function readTableLine(path: string, value: unknown, number: number): TableLine {
  const table = value as Partial<TableLine> | null;
  const named = typeof table?.table === 'string' && Array.isArray(table.columns);
  if (!named || !Number.isInteger(table?.rows) || (table?.rows ?? -1) < 0)
    throw edited(path, `line ${number} should name a table`);
  return table as TableLine;
}

function isEnd(value: unknown): value is EndLine {
  return (value as Partial<EndLine> | null)?.end === true;
}

function edited(path: string, what: string): BackupRefused {
  return new BackupRefused(`${path} was changed after it was written (${what}); restore an unchanged copy.`);
}
