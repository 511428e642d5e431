/**
 * `zeroops:publish:local:change-request`: the local equivalent of `publish:github:pull-request`
 * for the embedded default.
 *
 * Contract (templates depend on it):
 * - input: `repoName` (a repository under `zeroops.publish.local.baseDir`), `branchName` (a git
 *   branch name), `title`, `description`, optional `sourcePath` (folder of the workspace whose
 *   files are written over the target branch's tree; default: the whole workspace), optional
 *   `targetBranch` (default: the repository's current default branch), optional
 *   `commitMessage` (default: the title), `gitAuthorName`, `gitAuthorEmail`.
 * - output: `remoteUrl` (the change in the Backstage UI), `branchName`, `targetBranch`,
 *   `changedFiles` (string[]), `changeId`, and `localPath` (the repository's folder, for the
 *   `git -C <localPath> diff <targetBranch>...<branchName>` and `git merge` a reviewer runs).
 */
import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { localChangeUiUrl } from '../localRepositories/localChangeUiUrl';
import { explainInvalidRepoName } from '../localRepositories/localRepositoryNames';
import {
  openLocalChangeRequest,
  OpenLocalChangeRequestOptions,
} from '../localRepositories/openLocalChangeRequest';
import { explainInvalidRepositoryPath } from '../validation/rules';
import { gitBranchSchema, ruleString, Zod } from '../validation/schemas';
import { namingActionInInputErrors } from './actionInputErrors';
import {
  gitAuthorInputSchema,
  readLocalPublisher,
} from './localPublisherInputs';
import { examples } from './publishLocalChangeRequest.examples';

export const PUBLISH_LOCAL_CHANGE_REQUEST_ACTION_ID =
  'zeroops:publish:local:change-request';

export const publishLocalChangeRequestInputSchema = (z: Zod) =>
  z.object({
    repoName: ruleString(
      z,
      explainInvalidRepoName,
      'Name of the local repository (a folder under zeroops.publish.local.baseDir)',
    ),
    branchName: gitBranchSchema(z, 'The branch of the change'),
    title: z.string({ description: 'Title of the change' }).min(1),
    description: z.string({ description: 'Description of the change' }),
    sourcePath: ruleString(
      z,
      explainInvalidRepositoryPath,
      "Folder of the workspace whose files are written over the target branch's tree. Default: the whole workspace",
    ).optional(),
    targetBranch: gitBranchSchema(
      z,
      "Branch the change is meant to be merged into. Default: the repository's default branch",
    ).optional(),
    commitMessage: z
      .string({ description: 'Message of the commit. Default: the title' })
      .min(1)
      .optional(),
    ...gitAuthorInputSchema(z),
  });

function open(options: OpenLocalChangeRequestOptions) {
  return namingActionInInputErrors(PUBLISH_LOCAL_CHANGE_REQUEST_ACTION_ID, () =>
    openLocalChangeRequest(options),
  );
}

/**
 * Opens a reviewable change in a local repository created by `zeroops:publish:local`: a branch
 * from the target branch with the workspace's files written over it, and a change record that
 * the Backstage UI lists (the local equivalent of a pull request). See the contract above.
 * @public
 */
export function createPublishLocalChangeRequestAction(options: {
  config: Config;
}) {
  const { config } = options;
  const local = readLocalPublisher(config, {
    id: PUBLISH_LOCAL_CHANGE_REQUEST_ACTION_ID,
    inputSchema: publishLocalChangeRequestInputSchema,
    sourceRole: 'the folder of the change',
  });
  const { baseDir } = local;

  return createTemplateAction({
    id: PUBLISH_LOCAL_CHANGE_REQUEST_ACTION_ID,
    description: `Opens a change request in a local git repository under ${baseDir}: a branch from the target branch with the workspace's files written over it, and a change record listed in Backstage (the local equivalent of publish:github:pull-request). Re-running with the same branch and content returns the same change. For development and demos.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: publishLocalChangeRequestInputSchema,
      output: {
        remoteUrl: z =>
          z.string({ description: 'The change in the Backstage UI' }),
        branchName: z => z.string({ description: 'The branch of the change' }),
        targetBranch: z =>
          z.string({ description: 'The branch the change goes into' }),
        changedFiles: z =>
          z.array(z.string(), {
            description: 'Files the change adds or modifies',
          }),
        changeId: z =>
          z.string({ description: 'Number of the change in the repository' }),
        localPath: z =>
          z.string({
            description:
              'Folder of the repository on disk, for git diff and git merge',
          }),
      },
    },
    async handler(ctx) {
      const { input, sourceDir, author } = await local.readStep(ctx);
      const openOptions: OpenLocalChangeRequestOptions = {
        baseDir,
        repoName: input.repoName,
        branchName: input.branchName,
        targetBranch: input.targetBranch,
        title: input.title,
        description: input.description,
        sourceDir,
        commitMessage: input.commitMessage ?? input.title,
        author,
        requestedBy: ctx.user?.ref,
        dryRun: Boolean(ctx.isDryRun),
      };

      const result = ctx.isDryRun
        ? await open(openOptions)
        : await ctx.checkpoint({
            key: `zeroops.publish.local.change-request.${input.repoName}.${input.branchName}`,
            fn: async () => {
              const opened = await open(openOptions);
              return {
                record: { ...opened.record },
                created: opened.created,
              };
            },
          });
      const { record } = result;
      const url = localChangeUiUrl(config, record.repository, record.id);
      const files = record.changedFiles.join(', ');
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would open change #${record.id} "${record.title}" in ${baseDir}/${record.repository}: ${record.branch} → ${record.targetBranch}, changing ${files}`,
        );
      } else if (result.created) {
        ctx.logger.info(
          `Opened change #${record.id} "${record.title}": ${record.branch} → ${record.targetBranch} (${files}); review it at ${url}`,
        );
      } else {
        ctx.logger.info(
          `Change #${record.id} already holds this content on ${record.branch}; nothing changed (${url})`,
        );
      }
      ctx.output('remoteUrl', url);
      ctx.output('branchName', record.branch);
      ctx.output('targetBranch', record.targetBranch);
      ctx.output('changedFiles', record.changedFiles);
      ctx.output('changeId', record.id);
      ctx.output('localPath', path.join(baseDir, record.repository));
    },
  });
}
