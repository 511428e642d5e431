import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { getRepoSourceDirectory } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z as zod } from 'zod/v3';
import { readLocalRepositoriesBaseDir } from '../localRepositories/localRepositoriesConfig';
import { parseActionInput, Zod } from '../validation/schemas';

/** The author of a commit the local publishers make. */
export interface CommitAuthor {
  name: string;
  email: string;
}

/**
 * The author inputs of `zeroops:publish:local` and `zeroops:publish:local:change-request`, to
 * spread into their input schemas. Absent, the author is {@link readDefaultCommitAuthor}
 * (see {@link LocalPublisher.readStep}).
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
function readDefaultCommitAuthor(config: Config): CommitAuthor {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Scaffolder',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
}

/** The author a step asked for, field by field over the default. */
function commitAuthorOf(
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
 * `role` completes "it must be …" in the message.
 */
async function checkSourceFolder(
  actionId: string,
  workspacePath: string,
  sourcePath: string | undefined,
  role: string,
): Promise<void> {
  const sourceDir = path.resolve(workspacePath, sourcePath ?? '.');
  const stat = await fs.stat(sourceDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new InputError(
      `Invalid input to ${actionId}: sourcePath: "${sourcePath}" ${
        stat ? 'is a file' : 'does not exist'
      } in the workspace; it must be ${role}`,
    );
  }
}

/** The inputs of a local publisher's step that say what it commits. */
interface CommitSourceInput {
  sourcePath?: string;
  gitAuthorName?: string;
  gitAuthorEmail?: string;
}

/**
 * What `zeroops:publish:local` and `zeroops:publish:local:change-request` share: the folder
 * their repositories live in (`zeroops.publish.local.baseDir`), read once, and how a step of
 * either starts (see {@link LocalPublisher.readStep}).
 */
export interface LocalPublisher<TInput extends CommitSourceInput> {
  baseDir: string;
  /**
   * The step's input, parsed with the action's full schema; the folder of the workspace its
   * files come from, checked to be a folder before anything is written; and the author the
   * step asked for over `scaffolder.defaultAuthor`.
   */
  readStep(ctx: { workspacePath: string; input: unknown }): Promise<{
    input: TInput;
    sourceDir: string;
    author: CommitAuthor;
  }>;
}

/**
 * The {@link LocalPublisher} of one action. `sourceRole` completes "it must be …" in the error
 * for a `sourcePath` that is not a folder.
 */
export function readLocalPublisher<TInput extends CommitSourceInput>(
  config: Config,
  action: {
    id: string;
    inputSchema: (z: Zod) => zod.ZodType<TInput, zod.ZodTypeDef, unknown>;
    sourceRole: string;
  },
): LocalPublisher<TInput> {
  const defaultAuthor = readDefaultCommitAuthor(config);
  return {
    baseDir: readLocalRepositoriesBaseDir(config),
    async readStep({ workspacePath, input: rawInput }) {
      const input = parseActionInput(
        action.id,
        action.inputSchema(zod),
        rawInput,
      );
      await checkSourceFolder(
        action.id,
        workspacePath,
        input.sourcePath,
        action.sourceRole,
      );
      return {
        input,
        sourceDir: getRepoSourceDirectory(workspacePath, input.sourcePath),
        author: commitAuthorOf(input, defaultAuthor),
      };
    },
  };
}
