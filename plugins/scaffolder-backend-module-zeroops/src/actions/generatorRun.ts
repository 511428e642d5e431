import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
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
import { Zod } from '../validation/schemas';

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
