import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { z as zod } from 'zod/v3';
import { checkpointKey } from '../files/checkpointKey';
import {
  GeneratedFiles,
  GeneratedFilesDestination,
  writeGeneratedFiles,
} from '../files/writeGeneratedFiles';
import {
  ManagedGeneratorId,
  recordGeneratorRun,
} from '../managedFiles/manifest';
import { explainInvalidRepositoryPath } from '../validation/rules';
import { parseActionInput, ruleString, Zod } from '../validation/schemas';

/** The `targetPath` input of a generator action: where the repository's files go. */
export const generatorTargetPathSchema = (z: Zod) =>
  ruleString(
    z,
    explainInvalidRepositoryPath,
    'Folder of the workspace that is the repository root',
  ).default('.');

/** The output of a generator action: the files it wrote. */
export const generatorOutputSchema = {
  files: (z: Zod) =>
    z.array(z.string(), {
      description: 'Paths written, relative to the workspace',
    }),
};

/**
 * Writes a generator action's files into the workspace and records the run in the managed files
 * manifest, with the raw input of the step: what an update (zeroops:repository:update)
 * re-renders later, and from which input. Both happen in one checkpoint keyed by the files, so
 * a recovered task skips a write it already made. In a dry run the workspace is a scratch copy,
 * so writing shows the result in the editor. Returns the paths written.
 */
export function writeGeneratorRun(
  ctx: Pick<ActionContext<JsonObject>, 'checkpoint' | 'workspacePath'> & {
    input: unknown;
  },
  run: {
    generator: ManagedGeneratorId;
    /** Prefix of the checkpoint key; recovered tasks find their checkpoint by it. */
    checkpoint: string;
    files: GeneratedFiles;
  } & Pick<GeneratedFilesDestination, 'targetPath' | 'folderFields'>,
): Promise<string[]> {
  const { generator, files, targetPath } = run;
  return ctx.checkpoint({
    key: checkpointKey(run.checkpoint, files),
    fn: async () => {
      const paths = await writeGeneratedFiles(
        {
          actionId: generator,
          workspacePath: ctx.workspacePath,
          targetPath,
          folderFields: run.folderFields,
        },
        files,
      );
      await recordGeneratorRun({
        workspacePath: ctx.workspacePath,
        targetPath,
        generator,
        input: ctx.input as JsonObject,
        files,
      });
      return paths;
    },
  });
}

/**
 * A generator action as data: its input schema, the files it renders and where they go. One
 * definition serves the action's handler ({@link runGeneratorAction}) and an update that
 * re-renders a repository from its recorded input ({@link renderGeneratorFiles}), so both
 * parse and render the same way.
 */
export interface FileGenerator<TInput extends { targetPath: string }> {
  id: ManagedGeneratorId;
  /** Prefix of the checkpoint key; recovered tasks find their checkpoint by it. */
  checkpoint: string;
  /** The action's full input schema, refinements included (see parseActionInput). */
  inputSchema: (z: Zod) => zod.ZodType<TInput, zod.ZodTypeDef, unknown>;
  /** The files, by path below `targetPath`; an `InputError` for input the schema cannot reject. */
  render(input: TInput): GeneratedFiles;
  /** Input fields naming a folder below `targetPath`, so a conflict there names the field. */
  folderFields?(input: TInput): GeneratedFilesDestination['folderFields'];
  /** The log line once the files are written. */
  describeWritten(written: string[], input: TInput): string;
}

function parseGeneratorInput<TInput extends { targetPath: string }>(
  generator: FileGenerator<TInput>,
  rawInput: unknown,
): TInput {
  return parseActionInput(generator.id, generator.inputSchema(zod), rawInput);
}

/** What `generator` renders for a step's raw input (the one a repository recorded, for an update). */
export function renderGeneratorFiles<TInput extends { targetPath: string }>(
  generator: FileGenerator<TInput>,
  rawInput: unknown,
): GeneratedFiles {
  return generator.render(parseGeneratorInput(generator, rawInput));
}

/**
 * The handler of a generator action: parses the step's input, renders the files, writes them
 * with {@link writeGeneratorRun}, logs what was written and outputs `files`
 * ({@link generatorOutputSchema}).
 */
export async function runGeneratorAction<TInput extends { targetPath: string }>(
  ctx: Parameters<typeof writeGeneratorRun>[0] &
    Pick<ActionContext<JsonObject, { files: string[] }>, 'logger' | 'output'>,
  generator: FileGenerator<TInput>,
): Promise<void> {
  const input = parseGeneratorInput(generator, ctx.input);
  const files = generator.render(input);
  const written = await writeGeneratorRun(ctx, {
    generator: generator.id,
    checkpoint: generator.checkpoint,
    files,
    targetPath: input.targetPath,
    folderFields: generator.folderFields?.(input),
  });
  ctx.logger.info(generator.describeWritten(written, input));
  ctx.output('files', written);
}
