import { LocalChange } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { git } from './git';

/**
 * A reviewable change to a local repository as `zeroops:publish:local:change-request` stores it:
 * the `LocalChange` of `@zeroops/backstage-plugin-zeroops-common` without what readers derive
 * from the branches (status, diff).
 * @public
 */
export type LocalChangeRecord = Omit<LocalChange, 'status' | 'files'> & {
  /** As written; readers derive merged or closed from the branches (see listLocalChanges). */
  status: 'open';
};

/**
 * The folder of a repository's change records: inside its git folder, so they survive restarts
 * and clones of the working tree never see them, and the URL reader never serves them.
 */
export async function changeRecordsFolder(repository: string): Promise<string> {
  const gitDir = await git(repository, ['rev-parse', '--absolute-git-dir']);
  return path.join(gitDir, 'zeroops', 'changes');
}

/** Every change record of a repository, oldest first. */
export async function readChangeRecords(
  repository: string,
): Promise<LocalChangeRecord[]> {
  const folder = await changeRecordsFolder(repository);
  const names = await fs.readdir(folder).catch(error => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const records = await Promise.all(
    names
      .filter(name => /^\d+\.json$/.test(name))
      .map(
        async name =>
          JSON.parse(
            await fs.readFile(path.join(folder, name), 'utf8'),
          ) as LocalChangeRecord,
      ),
  );
  return records.sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Stores a new record under the next free number. The record is written to a private file and
 * hard-linked to its name, which fails when the name exists: two tasks writing at once never
 * share a number (the second takes the next) and a reader never sees half a record.
 */
export async function createChangeRecord(
  repository: string,
  record: Omit<LocalChangeRecord, 'id'>,
): Promise<LocalChangeRecord> {
  const folder = await changeRecordsFolder(repository);
  await fs.mkdir(folder, { recursive: true });
  const existing = await readChangeRecords(repository);
  let next = existing.reduce((max, r) => Math.max(max, Number(r.id)), 0) + 1;
  const partial = path.join(folder, `.new-${process.pid}-${Date.now()}.tmp`);
  try {
    for (;;) {
      const created: LocalChangeRecord = { id: String(next), ...record };
      await fs.writeFile(partial, `${JSON.stringify(created, null, 2)}\n`);
      try {
        await fs.link(partial, path.join(folder, `${next}.json`));
        return created;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        next += 1;
      }
    }
  } finally {
    await fs.rm(partial, { force: true });
  }
}

/** Replaces a record (a branch created again after it went missing). */
export async function updateChangeRecord(
  repository: string,
  record: LocalChangeRecord,
): Promise<void> {
  const folder = await changeRecordsFolder(repository);
  const file = path.join(folder, `${record.id}.json`);
  // Written next to the record and renamed over it, so a reader never sees half a file.
  const partial = path.join(folder, `.update-${process.pid}-${Date.now()}.tmp`);
  await fs.writeFile(partial, `${JSON.stringify(record, null, 2)}\n`);
  await fs.rename(partial, file);
}
