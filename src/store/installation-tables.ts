import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

/** One table of the installation: its columns, and its rows as values in that order. */
export interface TableDump {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  /** tables this one's foreign keys point at */
  readonly references: readonly string[];
}

/** Kysely's own bookkeeping: the migrations a database has run are not installation data. */
const bookkeeping = /^kysely_/;

/**
 * Every table of the database as it is, found by asking the database (so a table added by a later
 * migration is covered without being named here), ordered so that a table comes after the tables
 * it references: inserting in this order satisfies every foreign key.
 */
export async function listTables(db: Kysely<Database>, dialect: Dialect): Promise<TableInfo[]> {
  const found = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const byName = new Map(found.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const place = (table: TableInfo, path: ReadonlySet<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return;
    const inner = new Set(path).add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced && name !== table.name) place(referenced, inner);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...found].sort((a, b) => a.name.localeCompare(b.name))) place(table, new Set());
  return ordered;
}

async function sqliteTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const names = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of names.rows) {
    if (bookkeeping.test(name)) continue;
    const columns = await sql<{
      name: string;
    }>`SELECT name FROM pragma_table_info(${name}) ORDER BY cid`.execute(db);
    const keys = await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(
      db,
    );
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      references: keys.rows.map((key) => key.table),
    });
  }
  return tables;
}

async function postgresTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; referenced: string }>`
    SELECT tc.table_name, ccu.table_name AS referenced
    FROM information_schema.table_constraints tc
    JOIN information_schema.constraint_column_usage ccu
      ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`.execute(db);
  const tables = new Map<string, { columns: string[]; references: string[] }>();
  for (const row of columns.rows) {
    if (bookkeeping.test(row.table_name)) continue;
    const table = tables.get(row.table_name) ?? { columns: [], references: [] };
    table.columns.push(row.column_name);
    tables.set(row.table_name, table);
  }
  for (const key of keys.rows) tables.get(key.table_name)?.references.push(key.referenced);
  return [...tables].map(([name, table]) => ({ name, ...table }));
}

/**
 * Reads every table from one consistent snapshot: a repeatable-read, read-only transaction on
 * PostgreSQL; a read transaction on SQLite, which in WAL mode sees the database as of its first
 * read while the server goes on writing.
 */
export async function dumpTables(
  db: Kysely<Database>,
  dialect: Dialect,
  visit: (table: TableDump) => Promise<void>,
): Promise<void> {
  const transaction =
    dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  await transaction.execute(async (tx) => {
    if (dialect === 'postgres') await sql`SET TRANSACTION READ ONLY`.execute(tx);
    for (const table of await listTables(tx, dialect)) {
      const list = sql.join(table.columns.map((column) => sql.id(column)));
      const result = await sql<Record<string, unknown>>`SELECT ${list} FROM ${sql.table(table.name)}`.execute(
        tx,
      );
      await visit({
        name: table.name,
        columns: table.columns,
        rows: result.rows.map((row) => table.columns.map((column) => row[column] ?? null)),
      });
    }
  });
}

/** How many rows each table holds. */
export async function countRows(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db, dialect)) {
    const result = await sql<{
      n: number | string;
    }>`SELECT count(*) AS n FROM ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Rows per insert: well under both databases' limit on bound values in one statement. */
const valuesPerInsert = 30_000;

/**
 * Writes tables into this database in one transaction: all of them, or nothing when one fails.
 * Every table must exist here with every column the dump names; tables must come in an order
 * that satisfies their foreign keys (as `dumpTables` gives them).
 */
export async function loadTables(
  db: Kysely<Database>,
  dialect: Dialect,
  tables: AsyncIterable<TableDump>,
): Promise<void> {
  const here = new Map((await listTables(db, dialect)).map((table) => [table.name, new Set(table.columns)]));
  await db.transaction().execute(async (tx) => {
    for await (const table of tables) {
      const columns = here.get(table.name);
      if (!columns) throw new Error(`this database has no table ${table.name}`);
      const missing = table.columns.find((column) => !columns.has(column));
      if (missing) throw new Error(`this database's table ${table.name} has no column ${missing}`);
      const perInsert = Math.max(1, Math.floor(valuesPerInsert / Math.max(1, table.columns.length)));
      const names = sql.join(table.columns.map((column) => sql.id(column)));
      for (let start = 0; start < table.rows.length; start += perInsert) {
        const rows = table.rows.slice(start, start + perInsert).map((row) => sql`(${sql.join(row)})`);
        await sql`INSERT INTO ${sql.table(table.name)} (${names}) VALUES ${sql.join(rows)}`.execute(tx);
      }
    }
  });
}
