// Types of backup.mjs for TypeScript callers (the CLI).
export declare class BackupError extends Error {}
/** Tables derived from others by trigger: left out of a backup, rebuilt by the restore. */
export declare const DERIVED_TABLES: ReadonlySet<string>;
export declare function databaseHoldsData(url: string): Promise<boolean>;
export declare function writeBackup(
  url: string,
  file: string,
): Promise<{ file: string; tables: number; rows: number; bytes: number; migrations: string[] }>;
export declare function restoreBackup(
  url: string,
  file: string,
  options?: { force?: boolean },
): Promise<{ tables: number; rows: number; createdAt: string; emptied: boolean }>;
export declare const KEEP_AUTOMATIC: number;
export declare function automaticBackupDir(env?: NodeJS.ProcessEnv): string;
export declare function backupBeforeMigrations(
  url: string,
  pending: string[],
): Promise<{ file: string; tables: number; rows: number; bytes: number; migrations: string[] } | null>;
