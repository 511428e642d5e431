import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { z as zod } from 'zod/v3';
import { writeGeneratedFiles } from '../files/writeGeneratedFiles';
import { GeneratorInputs } from '../managedFiles/manifest';
import { planRepositoryUpdate } from '../repositoryUpdate/planRepositoryUpdate';
import { readRepositoryFiles } from '../repositoryUpdate/readRepositoryFiles';
import { parseSourceLocation } from '../repositoryUpdate/sourceRepository';
import { describeRepositoryUpdate } from '../repositoryUpdate/updateDescription';
import { explainInvalidRepositoryPath } from '../validation/rules';
import { parseActionInput, ruleString, Zod } from '../validation/schemas';
import { INFRASTRUCTURE_GENERATE_ACTION_ID } from './infrastructureGenerate';
import { examples } from './repositoryUpdate.examples';
import { WORKFLOWS_GENERATE_ACTION_ID } from './workflowsGenerate';

export const REPOSITORY_UPDATE_ACTION_ID = 'zeroops:repository:update';

const generatorInputsSchema = (z: Zod, description: string) =>
  z
    .object(
      {
        workflows: z
          .record(z.any(), {
            description: `Input of ${WORKFLOWS_GENERATE_ACTION_ID}`,
          })
          .optional(),
        infrastructure: z
          .record(z.any(), {
            description: `Input of ${INFRASTRUCTURE_GENERATE_ACTION_ID}`,
          })
          .optional(),
      },
      { description },
    )
    .optional();

export const repositoryUpdateInputSchema = (z: Zod) =>
  z.object({
    sourceLocation: z
      .string({
        description:
          "The repository to update: the entity's backstage.io/source-location (a GitHub repository), or for a repository of the local publisher, which no SCM integration annotates, its backstage.io/managed-by-location (file:// URL of catalog-info.yaml at its root)",
      })
      .min(1),
    catalogInfoPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Path of the catalog descriptor in the repository',
    ).default('catalog-info.yaml'),
    handEditedFiles: z
      .enum(['overwrite', 'skip'], {
        description:
          'Managed files edited by hand since ZeroOps wrote them: overwrite (listed in the pull request, the default) or skip (left as they are, listed too)',
      })
      .default('overwrite'),
    previousInputs: generatorInputsSchema(
      z,
      "The generators' inputs for a repository generated before template version 2 (no .zeroops/managed.json); ignored when the repository records its own",
    ),
    inputOverrides: generatorInputsSchema(
      z,
      'Fields that replace the recorded inputs, per generator',
    ),
    targetPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Folder of the workspace that receives the changed files',
    ).default('.'),
  });

const toGeneratorInputs = (
  inputs: { workflows?: JsonObject; infrastructure?: JsonObject } | undefined,
): GeneratorInputs | undefined =>
  inputs && {
    ...(inputs.workflows && {
      [WORKFLOWS_GENERATE_ACTION_ID]: inputs.workflows,
    }),
    ...(inputs.infrastructure && {
      [INFRASTRUCTURE_GENERATE_ACTION_ID]: inputs.infrastructure,
    }),
  };

/**
 * `zeroops:repository:update`: re-renders the files ZeroOps manages in an existing repository
 * (workflows, Copilot instructions, infrastructure) at the current template version and writes
 * into the workspace only those that differ, with the manifest and the catalog-info.yaml
 * annotation that record the version. A following publish:github:pull-request or
 * zeroops:publish:local:change-request turns them into a pull request.
 * @public
 */
export function createRepositoryUpdateAction(options: {
  reader: UrlReaderService;
}) {
  return createTemplateAction({
    id: REPOSITORY_UPDATE_ACTION_ID,
    description:
      'Re-renders the ZeroOps-managed files of an existing repository (read from its source location) at the current template version and writes only the files that differ into the workspace, for a pull request. Files edited by hand are listed (and overwritten or skipped); nothing to change is reported as hasChanges: false.',
    examples,
    supportsDryRun: true,
    schema: {
      input: repositoryUpdateInputSchema,
      output: {
        hasChanges: z =>
          z.boolean({ description: 'False when the repository is up to date' }),
        changedFiles: z =>
          z.array(z.string(), {
            description: 'Files written into the workspace',
          }),
        unchangedFiles: z =>
          z.array(z.string(), {
            description: 'Managed files that already hold the current version',
          }),
        handEditedFiles: z =>
          z.array(z.string(), {
            description: 'Changed files that had been edited by hand',
          }),
        skippedFiles: z =>
          z.array(z.string(), {
            description:
              'Files edited by hand and left out (handEditedFiles: skip)',
          }),
        obsoleteFiles: z =>
          z.array(z.string(), {
            description: 'Files the current version no longer generates',
          }),
        fromVersion: z =>
          z.number({ description: "The repository's template version" }),
        toVersion: z =>
          z.number({ description: 'The current template version' }),
        serviceName: z => z.string({ description: 'The service updated' }),
        description: z =>
          z.string({ description: 'Markdown description of the change' }),
        repositoryHost: z =>
          z.enum(['local', 'github'], {
            description: 'Where the pull request goes',
          }),
        repoName: z =>
          z.string({
            description: 'Local repository name (repositoryHost local)',
          }),
        repoUrl: z =>
          z.string({
            description:
              'Repository in RepoUrlPicker form (repositoryHost github)',
          }),
        targetBranch: z =>
          z.string({
            description:
              'Branch of the source location, empty for the default branch',
          }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        REPOSITORY_UPDATE_ACTION_ID,
        repositoryUpdateInputSchema(zod),
        ctx.input,
      );
      const source = (() => {
        try {
          return parseSourceLocation(input.sourceLocation);
        } catch (error) {
          throw new InputError(
            `Invalid input to ${REPOSITORY_UPDATE_ACTION_ID}: ${
              (error as Error).message
            }`,
          );
        }
      })();
      ctx.logger.info(`Reading ${source.readUrl}`);
      const readFile = await readRepositoryFiles(
        options.reader,
        source.readUrl,
      );
      const plan = await planRepositoryUpdate({
        readFile,
        catalogInfoPath: input.catalogInfoPath,
        previousInputs: toGeneratorInputs(input.previousInputs),
        inputOverrides: toGeneratorInputs(input.inputOverrides),
        handEditedFiles: input.handEditedFiles,
      }).catch(error => {
        if ((error as Error).name !== 'InputError') throw error;
        throw new InputError(
          `${REPOSITORY_UPDATE_ACTION_ID} cannot update ${source.readUrl}: ${
            (error as Error).message
          }`,
        );
      });

      // Writing is idempotent; the workspace of a dry run is a scratch copy.
      await writeGeneratedFiles(
        {
          actionId: REPOSITORY_UPDATE_ACTION_ID,
          workspacePath: ctx.workspacePath,
          targetPath: input.targetPath,
        },
        plan.writes,
      );
      const hasChanges = plan.changedFiles.length > 0;
      ctx.logger.info(
        hasChanges
          ? `Template version ${plan.fromVersion} → ${plan.toVersion}: ${
              plan.changedFiles.length
            } files differ (${plan.changedFiles.join(', ')}); ${
              plan.unchangedFiles.length
            } managed files are unchanged`
          : `${plan.serviceName} is up to date at template version ${plan.toVersion}; nothing to change`,
      );
      for (const file of plan.handEditedFiles) {
        ctx.logger.warn(`${file} was edited by hand; the update replaces it`);
      }
      for (const file of plan.skippedFiles) {
        ctx.logger.warn(`${file} was edited by hand; left as it is`);
      }
      ctx.output('hasChanges', hasChanges);
      ctx.output('changedFiles', plan.changedFiles);
      ctx.output('unchangedFiles', plan.unchangedFiles);
      ctx.output('handEditedFiles', plan.handEditedFiles);
      ctx.output('skippedFiles', plan.skippedFiles);
      ctx.output('obsoleteFiles', plan.obsoleteFiles);
      ctx.output('fromVersion', plan.fromVersion);
      ctx.output('toVersion', plan.toVersion);
      ctx.output('serviceName', plan.serviceName);
      ctx.output('description', describeRepositoryUpdate(plan));
      ctx.output('repositoryHost', source.host);
      ctx.output('repoName', source.host === 'local' ? source.repoName : '');
      ctx.output('repoUrl', source.host === 'github' ? source.repoUrl : '');
      ctx.output(
        'targetBranch',
        source.host === 'github' ? source.targetBranch ?? '' : '',
      );
    },
  });
}
