import { Config } from '@backstage/config';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  createTemplateAction,
  getRepoSourceDirectory,
} from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z as zod } from 'zod/v3';
import { readLocalRepositoriesBaseDir } from '../localRepositories/localRepositoriesConfig';
import { publishLocalRepository } from '../localRepositories/publishLocalRepository';
import { explainInvalidRepositoryPath } from '../validation/rules';
import { parseActionInput, ruleString, Zod } from '../validation/schemas';
import { examples } from './publishLocal.examples';

export const PUBLISH_LOCAL_ACTION_ID = 'zeroops:publish:local';

function explainInvalidRepoName(value: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/.test(value) &&
    !value.endsWith('.git')
    ? undefined
    : `must be a repository name: 1-100 letters, digits, ".", "_" and "-", not starting with "." or "-" and not ending with ".git", got "${value}"`;
}

export const publishLocalInputSchema = (z: Zod) =>
  z.object({
    repoName: ruleString(
      z,
      explainInvalidRepoName,
      'Name of the repository folder created under zeroops.publish.local.baseDir',
    ),
    defaultBranch: z
      .string({ description: 'Branch of the first commit' })
      .regex(/^[A-Za-z0-9._/-]{1,100}$/, 'must be a git branch name')
      .default('main'),
    sourcePath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Folder of the workspace to publish. Default: the whole workspace',
    ).optional(),
    gitCommitMessage: z
      .string({
        description:
          'Message of the commit. Default: scaffolder.defaultCommitMessage or "Initial commit"',
      })
      .min(1)
      .optional(),
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
    catalogInfoPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Path of the catalog descriptor inside the repository',
    ).default('catalog-info.yaml'),
  });

/**
 * `zeroops:publish:local`: the publisher of the embedded default. Creates a git repository
 * with one commit under a local folder and returns `file://` URLs; the module's URL reader lets
 * `catalog:register` read `catalogInfoUrl`. Production templates use `publish:github`.
 * @public
 */
export function createPublishLocalAction(options: { config: Config }) {
  const baseDir = readLocalRepositoriesBaseDir(options.config);
  const defaultAuthor = {
    name:
      options.config.getOptionalString('scaffolder.defaultAuthor.name') ??
      'Scaffolder',
    email:
      options.config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
  const defaultCommitMessage =
    options.config.getOptionalString('scaffolder.defaultCommitMessage') ??
    'Initial commit';

  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description: `Publishes the workspace as a new local git repository with one commit (under ${baseDir}) and returns file:// URLs that catalog:register accepts. For development and demos; use publish:github in production.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: publishLocalInputSchema,
      output: {
        remoteUrl: z =>
          z.string({ description: 'file:// URL to git clone the repository' }),
        repoContentsUrl: z =>
          z.string({ description: 'file:// URL of the repository contents' }),
        catalogInfoUrl: z =>
          z.string({
            description:
              'file:// URL of catalog-info.yaml for catalog:register',
          }),
        commitHash: z => z.string({ description: 'The commit created' }),
        localPath: z =>
          z.string({ description: 'Folder of the repository on disk' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        PUBLISH_LOCAL_ACTION_ID,
        publishLocalInputSchema(zod),
        ctx.input,
      );
      const target = resolveSafeChildPath(baseDir, input.repoName);
      const urls = {
        remoteUrl: pathToFileURL(target).href,
        repoContentsUrl: `${pathToFileURL(target).href}/`,
        catalogInfoUrl: pathToFileURL(
          resolveSafeChildPath(target, input.catalogInfoPath),
        ).href,
      };

      let commitHash: string;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create the git repository ${target} from the workspace`,
        );
        commitHash = '0000000000000000000000000000000000000000';
      } else {
        const published = await ctx.checkpoint({
          key: `zeroops.publish.local.${input.repoName}`,
          fn: async () => {
            const result = await publishLocalRepository({
              baseDir,
              repoName: input.repoName,
              sourceDir: getRepoSourceDirectory(
                ctx.workspacePath,
                input.sourcePath,
              ),
              defaultBranch: input.defaultBranch,
              commitMessage: input.gitCommitMessage ?? defaultCommitMessage,
              author: {
                name: input.gitAuthorName ?? defaultAuthor.name,
                email: input.gitAuthorEmail ?? defaultAuthor.email,
              },
            });
            return { commitHash: result.commitHash, created: result.created };
          },
        });
        commitHash = published.commitHash;
        ctx.logger.info(
          published.created
            ? `Created the git repository ${target} (${commitHash}); clone it with: git clone ${urls.remoteUrl}`
            : `The git repository ${target} already holds this content (${commitHash})`,
        );
      }
      ctx.output('remoteUrl', urls.remoteUrl);
      ctx.output('repoContentsUrl', urls.repoContentsUrl);
      ctx.output('catalogInfoUrl', urls.catalogInfoUrl);
      ctx.output('commitHash', commitHash);
      ctx.output('localPath', path.normalize(target));
    },
  });
}
