import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  publishLocalRepository,
  PublishLocalRepositoryOptions,
} from '../localRepositories/publishLocalRepository';
import { FailedTaskRepositoryCleanup } from '../localRepositories/FailedTaskRepositoryCleanup';
import { explainInvalidRepoName } from '../localRepositories/localRepositoryNames';
import { explainInvalidRepositoryPath } from '../validation/rules';
import { gitBranchSchema, ruleString, Zod } from '../validation/schemas';
import { namingActionInInputErrors } from './actionInputErrors';
import {
  gitAuthorInputSchema,
  readLocalPublisher,
} from './localPublisherInputs';
import { examples } from './publishLocal.examples';

export const PUBLISH_LOCAL_ACTION_ID = 'zeroops:publish:local';

export const publishLocalInputSchema = (z: Zod) =>
  z.object({
    repoName: ruleString(
      z,
      explainInvalidRepoName,
      'Name of the repository folder created under zeroops.publish.local.baseDir',
    ),
    defaultBranch: gitBranchSchema(
      z,
      'Branch of the first commit. Default: main',
    ).default('main'),
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
    ...gitAuthorInputSchema(z),
    catalogInfoPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Path of the catalog descriptor inside the repository',
    ).default('catalog-info.yaml'),
  });

/**
 * Fails before anything is written when the catalog descriptor is a folder of the published
 * tree: otherwise git or the copy fail later with `ENOTDIR` naming a temporary path.
 */
async function checkCatalogInfoPath(
  sourceDir: string,
  catalogInfoPath: string,
): Promise<void> {
  const catalogInfo = await fs
    .stat(path.join(sourceDir, catalogInfoPath))
    .catch(() => undefined);
  if (catalogInfo?.isDirectory()) {
    throw new InputError(
      `Invalid input to ${PUBLISH_LOCAL_ACTION_ID}: catalogInfoPath: "${catalogInfoPath}" is a folder in the published tree; it must be the catalog descriptor file`,
    );
  }
}

function publish(options: PublishLocalRepositoryOptions) {
  return namingActionInInputErrors(PUBLISH_LOCAL_ACTION_ID, () =>
    publishLocalRepository(options),
  );
}

/**
 * `zeroops:publish:local`: the publisher of the embedded default. Creates a git repository
 * with one commit under a local folder and returns `file://` URLs; the module's URL reader lets
 * `catalog:register` read `catalogInfoUrl`. Production templates use `publish:github`.
 *
 * With `cleanup`, a repository this action created is removed again when a later step of the
 * same task fails; without it, the step's log says what remains and how to remove it.
 * @public
 */
export function createPublishLocalAction(options: {
  config: Config;
  cleanup?: FailedTaskRepositoryCleanup;
}) {
  const local = readLocalPublisher(options.config, {
    id: PUBLISH_LOCAL_ACTION_ID,
    inputSchema: publishLocalInputSchema,
    sourceRole: 'the folder to publish',
  });
  const { baseDir } = local;
  const defaultCommitMessage =
    options.config.getOptionalString('scaffolder.defaultCommitMessage') ??
    'Initial commit';

  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description: `Publishes the workspace as a new local git repository with one commit (under ${baseDir}) and returns file:// URLs that catalog:register accepts. Re-running with the same branch and content succeeds without changes. For development and demos; use publish:github in production.`,
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
        created: z =>
          z.boolean({
            description:
              'False when an identical repository already existed (a re-run)',
          }),
      },
    },
    async handler(ctx) {
      const { input, sourceDir, author } = await local.readStep(ctx);
      await checkCatalogInfoPath(sourceDir, input.catalogInfoPath);
      const target = path.join(baseDir, input.repoName);
      const urls = {
        remoteUrl: pathToFileURL(target).href,
        repoContentsUrl: `${pathToFileURL(target).href}/`,
        catalogInfoUrl: pathToFileURL(path.join(target, input.catalogInfoPath))
          .href,
      };
      const publishOptions: PublishLocalRepositoryOptions = {
        baseDir,
        repoName: input.repoName,
        sourceDir,
        defaultBranch: input.defaultBranch,
        commitMessage: input.gitCommitMessage ?? defaultCommitMessage,
        author,
      };

      let published = { commitHash: '0'.repeat(40), created: false };
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create the git repository ${target} from the workspace`,
        );
      } else {
        published = await ctx.checkpoint({
          key: `zeroops.publish.local.${input.repoName}`,
          fn: async () => {
            const result = await publish(publishOptions);
            return { commitHash: result.commitHash, created: result.created };
          },
        });
        // A retried task skips the checkpoint, but the repository may have been removed when
        // the first attempt failed: create it again.
        if (published.created && !(await exists(target))) {
          const again = await publish(publishOptions);
          published = { commitHash: again.commitHash, created: again.created };
        }
        if (published.created) {
          await options.cleanup?.track({
            taskId: ctx.task.id,
            repoName: input.repoName,
            commitHash: published.commitHash,
          });
        }
        ctx.logger.info(
          published.created
            ? `Created the git repository ${target} (${published.commitHash}); clone it with: git clone ${urls.remoteUrl}`
            : `The git repository ${target} already holds this branch and content (${published.commitHash}); nothing changed`,
        );
        if (published.created) {
          ctx.logger.info(
            options.cleanup
              ? `If a later step of this task fails or the task is cancelled, ${target} is removed again (unless commits were pushed to it)`
              : `If a later step of this task fails, ${target} stays; remove it with: rm -rf '${target}'`,
          );
        }
      }
      ctx.output('remoteUrl', urls.remoteUrl);
      ctx.output('repoContentsUrl', urls.repoContentsUrl);
      ctx.output('catalogInfoUrl', urls.catalogInfoUrl);
      ctx.output('commitHash', published.commitHash);
      ctx.output('localPath', path.normalize(target));
      ctx.output('created', published.created);
    },
  });
}

async function exists(target: string): Promise<boolean> {
  return fs.stat(target).then(
    () => true,
    () => false,
  );
}
