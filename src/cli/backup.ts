import { BackupRefused, restoreBackup, writeBackup } from '../app/backup.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const backup: Command = {
  usage: 'convene backup FILE',
  summary: 'write the whole installation to FILE, consistently, while the server runs',
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new UsageError('Give the file to write the backup to.');
    const written = await writeBackup(await io.runtime(), file, new Date().toISOString());
    io.out(`Backed up ${written.rows} rows of ${written.tables} tables to ${file}.`);
    return 0;
  },
};

export const restore: Command = {
  usage: 'convene restore FILE',
  summary: 'load a backup into this database, which must be empty (SQLite or PostgreSQL)',
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new UsageError('Give the backup file to restore.');
    try {
      const restored = await restoreBackup(await io.runtime(), file);
      io.out(`Restored ${restored.rows} rows of ${restored.tables} tables from ${file}.`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupRefused) && (error as { code?: string }).code !== 'ENOENT') throw error;
      io.err(error instanceof BackupRefused ? error.message : `There is no file ${file}.`);
      return 1;
    }
  },
};
