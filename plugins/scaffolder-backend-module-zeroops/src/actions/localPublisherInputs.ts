import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Zod } from '../validation/schemas';

/** The author of a commit the local publishers make. */
export interface CommitAuthor {
  name: string;
  email: string;
}

/**
 * The author inputs of `zeroops:publish:local` and `zeroops:publish:local:change-request`, to
 * spread into their input schemas. Absent, the author is {@link readDefaultCommitAuthor}.
 */
export const gitAuthorInputSchema = (z: Zod) => ({
  gitAuthorName: z
    .string({
      description:
        'Author of the commit. Default: scaffolder.defaultAuthor.name or "Scaffolder"',
    })
    .min(1)
    .optional(),
  gitAuthorEmail: z
    .string({
      description:
        'Author e-mail. Default: scaffolder.defaultAuthor.email or "scaffolder@backstage.io"',
    })
    .email()
    .optional(),
});

/** The commit author of the scaffolder's own publishers (`scaffolder.defaultAuthor`). */
export function readDefaultCommitAuthor(config: Config): CommitAuthor {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Scaffolder',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
}

/** The author a step asked for, field by field over the default. */
export function commitAuthorOf(
  input: { gitAuthorName?: string; gitAuthorEmail?: string },
  defaultAuthor: CommitAuthor,
): CommitAuthor {
  return {
    name: input.gitAuthorName ?? defaultAuthor.name,
    email: input.gitAuthorEmail ?? defaultAuthor.email,
  };
}

/**
 * Fails before anything is written when the `sourcePath` input is not a folder of the
 * workspace: otherwise git or the copy fail later with `ENOTDIR` naming a temporary path.
 * `role` completes "it must be …" in the message. Returns the folder.
 */
export async function checkSourceFolder(
  actionId: string,
  workspacePath: string,
  sourcePath: string | undefined,
  role: string,
): Promise<string> {
  const sourceDir = path.resolve(workspacePath, sourcePath ?? '.');
  const stat = await fs.stat(sourceDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(
      `Invalid input to ${actionId}: sourcePath: "${sourcePath}" ${
        stat ? 'is a file' : 'does not exist'
      } in the workspace; it must be ${role}`,
    );
  }
  return sourceDir;
}
