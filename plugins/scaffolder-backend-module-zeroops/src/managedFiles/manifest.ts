import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v3';

/** Where a repository records what the ZeroOps generators wrote into it. */
export const MANAGED_FILES_MANIFEST_PATH = '.zeroops/managed.json';

/** The generators whose files an update re-renders, by action id. */
export const MANAGED_GENERATORS = [
  'zeroops:workflows:generate',
  'zeroops:infrastructure:generate',
] as const;
export type ManagedGeneratorId = (typeof MANAGED_GENERATORS)[number];

/** The input each generator ran with, as its step gave it (defaults are applied when rendering). */
export type GeneratorInputs = Partial<Record<ManagedGeneratorId, JsonObject>>;

/**
 * `.zeroops/managed.json`: the template version, and per generator the input it ran with and a
 * hash of every file it wrote. The input is what the step gave, not the defaults it filled in,
 * so an update applies the defaults of its own version (a new pin, a new Terraform release);
 * the hashes tell a file edited by hand from one ZeroOps wrote.
 */
export interface ManagedFilesManifest {
  templateVersion: number;
  generators: Partial<
    Record<
      ManagedGeneratorId,
      { input: JsonObject; files: Record<string, string> }
    >
  >;
}

const ABOUT =
  'Written by the ZeroOps generators; the zeroops-update template reads it to re-render these files at a newer template version. Do not edit by hand.';

const manifestSchema = z.object({
  templateVersion: z.number().int().min(1),
  generators: z
    .object(
      Object.fromEntries(
        MANAGED_GENERATORS.map(id => [
          id,
          z
            .object({
              input: z.record(z.unknown()),
              files: z.record(z.string()),
            })
            .optional(),
        ]),
      ),
    )
    .strip(),
});

/** The hash a manifest records for a file's content. */
export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Reads a manifest; an unreadable one fails with the file and what is wrong. */
export function parseManifest(text: string): ManagedFilesManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${MANAGED_FILES_MANIFEST_PATH} is not JSON (${
        (error as Error).message
      }); restore it from the repository's history`,
    );
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    throw new InputError(
      `${MANAGED_FILES_MANIFEST_PATH} is not a ZeroOps manifest: ${result.error.issues
        .map(issue => `${issue.path.join('.') || 'manifest'}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return result.data as ManagedFilesManifest;
}

/** The manifest as written: keys in a stable order, so unchanged content gives unchanged text. */
export function formatManifest(manifest: ManagedFilesManifest): string {
  const sorted = (record: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
    );
  const generators = Object.fromEntries(
    MANAGED_GENERATORS.flatMap(id => {
      const entry = manifest.generators[id];
      return entry
        ? [[id, { input: entry.input, files: sorted(entry.files) }]]
        : [];
    }),
  );
  return `${JSON.stringify(
    { about: ABOUT, templateVersion: manifest.templateVersion, generators },
    null,
    2,
  )}\n`;
}

/** The input a generator step gave, without where in the workspace it wrote. */
export function recordedInput(input: JsonObject): JsonObject {
  const { targetPath: _targetPath, ...rest } = input;
  return rest;
}

/**
 * Records one generator's run in the manifest of the repository being generated (below
 * `targetPath` of the workspace), next to what other generators of the same template recorded.
 */
export async function recordGeneratorRun(options: {
  workspacePath: string;
  targetPath: string;
  generator: ManagedGeneratorId;
  input: JsonObject;
  files: Map<string, string>;
}): Promise<void> {
  const file = resolveSafeChildPath(
    resolveSafeChildPath(options.workspacePath, options.targetPath),
    MANAGED_FILES_MANIFEST_PATH,
  );
  const existing = await fs.readFile(file, 'utf8').then(
    text => parseManifest(text),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  const manifest: ManagedFilesManifest = {
    templateVersion: ZEROOPS_TEMPLATE_VERSION,
    generators: {
      ...existing?.generators,
      [options.generator]: {
        input: recordedInput(options.input),
        files: Object.fromEntries(
          [...options.files].map(([name, content]) => [
            name,
            contentHash(content),
          ]),
        ),
      },
    },
  };
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, formatManifest(manifest), 'utf8');
}
