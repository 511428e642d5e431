import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import { pathToFileURL } from 'node:url';
import { z as zod } from 'zod/v3';
import {
  adoptCatalogInfo,
  adoptionAnnotationsSnippet,
} from '../catalogInfo/adoptCatalogInfo';
import { writeGeneratedFiles } from '../files/writeGeneratedFiles';
import { readLocalRepositoriesBaseDir } from '../localRepositories/localRepositoriesConfig';
import {
  explainInvalidRepoName,
  resolveLocalRepository,
} from '../localRepositories/localRepositoryNames';
import { readRepositoryFiles } from '../repositoryUpdate/readRepositoryFiles';
import { explainInvalidRepositoryPath } from '../validation/rules';
import {
  parseActionInput,
  ruleString,
  serviceNameSchema,
  Zod,
} from '../validation/schemas';
import { examples } from './catalogInfoAnnotate.examples';

export const CATALOG_INFO_ANNOTATE_ACTION_ID = 'zeroops:catalog-info:annotate';

/** A template renders a parameter of the other target as an empty string: not given. */
const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value);

export const catalogInfoAnnotateInputSchema = (z: Zod) =>
  z.object({
    serviceName: serviceNameSchema(z),
    repoUrl: z.preprocess(
      emptyAsMissing,
      z
        .string({
          description:
            'The GitHub repository, in the form RepoUrlPicker gives (github.com?owner=…&repo=…); read on its default branch',
        })
        .optional(),
    ),
    localRepoName: z.preprocess(
      emptyAsMissing,
      ruleString(
        z,
        explainInvalidRepoName,
        'Or: a local repository of the embedded default (a folder under zeroops.publish.local.baseDir)',
      ).optional(),
    ),
    catalogInfoPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Path of the catalog descriptor in the repository',
    ).default('catalog-info.yaml'),
    targetPath: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Folder of the workspace that receives the annotated descriptor',
    ).default('.'),
  });

/** The URL Backstage's reader reads the repository's tree from. */
async function repositoryReadUrl(
  input: { repoUrl?: string; localRepoName?: string },
  config: Config,
): Promise<string> {
  if ((input.repoUrl === undefined) === (input.localRepoName === undefined)) {
    throw new InputError(
      `Invalid input to ${CATALOG_INFO_ANNOTATE_ACTION_ID}: give either repoUrl or localRepoName`,
    );
  }
  if (input.localRepoName !== undefined) {
    // Fails with the names of the repositories there are, for a mistyped name.
    const folder = await resolveLocalRepository(
      readLocalRepositoriesBaseDir(config),
      input.localRepoName,
    ).catch(error => {
      throw new InputError(
        (error as Error).message.replace(/^repoName:/, 'localRepoName:'),
      );
    });
    return `${pathToFileURL(folder).href}/`;
  }
  const url = new URL(`https://${input.repoUrl}`);
  const owner = url.searchParams.get('owner');
  const repo = url.searchParams.get('repo');
  if (!owner || !repo) {
    throw new InputError(
      `Invalid input to ${CATALOG_INFO_ANNOTATE_ACTION_ID}: repoUrl "${input.repoUrl}" has no owner and repo (expected github.com?owner=…&repo=…)`,
    );
  }
  return `https://${url.host}/${encodeURIComponent(owner)}/${encodeURIComponent(
    repo,
  )}`;
}

/**
 * `zeroops:catalog-info:annotate`: the catalog half of an adoption. Reads the repository's
 * catalog descriptor and writes it into the workspace with `zeroops.io/service-name` and the
 * current `zeroops.io/template-version`, so the following pull request (or local change
 * request) links the entity to its AWS resources and the catalog shows it as current. A
 * repository without a descriptor it can annotate gets no file; the `description` output then
 * says what to add, for the pull request's description.
 * @public
 */
export function createCatalogInfoAnnotateAction(options: {
  reader: UrlReaderService;
  config: Config;
}) {
  return createTemplateAction({
    id: CATALOG_INFO_ANNOTATE_ACTION_ID,
    description:
      "Adds the ZeroOps annotations (service name, template version) to a repository's catalog-info.yaml, written into the workspace for a pull request; says what to add by hand when there is no descriptor to annotate",
    examples,
    supportsDryRun: true,
    schema: {
      input: catalogInfoAnnotateInputSchema,
      output: {
        annotated: z =>
          z.boolean({
            description:
              'True when the annotated descriptor was written into the workspace',
          }),
        catalogInfoPath: z =>
          z.string({ description: 'Path of the descriptor in the repository' }),
        description: z =>
          z.string({
            description:
              'Markdown for the pull request: what changes in the descriptor, or what to add by hand',
          }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        CATALOG_INFO_ANNOTATE_ACTION_ID,
        catalogInfoAnnotateInputSchema(zod),
        ctx.input,
      );
      const readUrl = await repositoryReadUrl(input, options.config);
      if (ctx.isDryRun && input.repoUrl !== undefined) {
        // Like publish:github:pull-request, a dry run does not contact GitHub.
        ctx.logger.info(
          `Dry run: ${input.catalogInfoPath} of ${readUrl} is read and annotated when the task runs`,
        );
        ctx.output('annotated', false);
        ctx.output('catalogInfoPath', input.catalogInfoPath);
        ctx.output(
          'description',
          `\`${input.catalogInfoPath}\`: annotated when the task runs (a dry run does not read GitHub).`,
        );
        return;
      }
      ctx.logger.info(`Reading ${input.catalogInfoPath} of ${readUrl}`);
      const readFile = await readRepositoryFiles(
        options.reader,
        readUrl,
        file => file === input.catalogInfoPath,
      );
      const file = input.catalogInfoPath;
      const adoption = adoptCatalogInfo({
        text: await readFile(file),
        file,
        serviceName: input.serviceName,
        templateVersion: ZEROOPS_TEMPLATE_VERSION,
      });
      let description: string;
      if (adoption.state === 'annotated') {
        await writeGeneratedFiles(
          {
            actionId: CATALOG_INFO_ANNOTATE_ACTION_ID,
            workspacePath: ctx.workspacePath,
            targetPath: input.targetPath,
          },
          new Map([[file, adoption.content]]),
        );
        description = `\`${file}\` links the entity to the service \`${input.serviceName}\` and records template version ${ZEROOPS_TEMPLATE_VERSION} (zeroops.io/service-name, zeroops.io/template-version).`;
      } else if (adoption.state === 'current') {
        description = `\`${file}\` already records \`${input.serviceName}\` at template version ${ZEROOPS_TEMPLATE_VERSION}.`;
      } else {
        ctx.logger.warn(`Not annotated: ${adoption.reason}`);
        description = `**Catalog:** ${
          adoption.reason
        }. Add these annotations to the service's entity so the ZeroOps cards find its AWS resources and the catalog knows which template version it has:\n\n\`\`\`yaml\n${adoptionAnnotationsSnippet(
          input.serviceName,
          ZEROOPS_TEMPLATE_VERSION,
        )}\n\`\`\``;
      }
      ctx.output('annotated', adoption.state === 'annotated');
      ctx.output('catalogInfoPath', file);
      ctx.output('description', description);
    },
  });
}
