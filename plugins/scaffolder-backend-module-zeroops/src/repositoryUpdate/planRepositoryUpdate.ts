import { InputError } from '@backstage/errors';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import {
  contentHash,
  formatManifest,
  GeneratorInputs,
  MANAGED_FILES_MANIFEST_PATH,
  MANAGED_GENERATORS,
  ManagedFilesManifest,
  parseManifest,
  recordedInput,
} from '../managedFiles/manifest';
import { renderManagedFiles } from '../managedFiles/renderManagedFiles';
import { readCatalogInfo, withTemplateVersion } from './catalogInfoVersion';

/**
 * What to do with a managed file that differs from what ZeroOps last wrote into it:
 * `overwrite` (the default) puts the new version in the pull request and lists the file as
 * edited by hand, so the reviewer sees the edit being replaced and can carry it over; `skip`
 * leaves it out, so the edit stays and the file misses the update.
 */
export type HandEditedFilesPolicy = 'overwrite' | 'skip';

export interface RepositoryUpdatePlan {
  /** Files to write over the repository (managed files, manifest, catalog-info.yaml). */
  writes: Map<string, string>;
  /** Paths of `writes`, sorted. */
  changedFiles: string[];
  /** Managed files that already hold the current version. */
  unchangedFiles: string[];
  /** Managed files edited since ZeroOps wrote them, overwritten by this update. */
  handEditedFiles: string[];
  /** Managed files edited by hand and left out (policy `skip`). */
  skippedFiles: string[];
  /** Files a previous version generated that the current one no longer writes. */
  obsoleteFiles: string[];
  fromVersion: number;
  toVersion: number;
  /** Where the generators' inputs came from. */
  inputsFrom: 'manifest' | 'previousInputs';
  serviceName: string;
}

export interface PlanRepositoryUpdateOptions {
  /** Reads a file of the repository by its path from the root; undefined when it is missing. */
  readFile(file: string): Promise<string | undefined>;
  catalogInfoPath: string;
  /**
   * The generators' inputs for a repository without a manifest (generated before template
   * version 2); ignored when the repository has one.
   */
  previousInputs?: GeneratorInputs;
  /** Fields that replace recorded ones, per generator (e.g. a new modulesRef). */
  inputOverrides?: GeneratorInputs;
  handEditedFiles: HandEditedFilesPolicy;
}

function mergeInputs(
  base: GeneratorInputs,
  overrides: GeneratorInputs | undefined,
): GeneratorInputs {
  return Object.fromEntries(
    MANAGED_GENERATORS.flatMap(id => {
      const input = base[id];
      return input ? [[id, { ...input, ...overrides?.[id] }]] : [];
    }),
  );
}

/**
 * Re-renders a repository's managed files at {@link ZEROOPS_TEMPLATE_VERSION} from the inputs it
 * was generated with and compares them with what the repository holds: only files whose
 * content differs are written. The manifest and the template version annotation of
 * catalog-info.yaml are brought to the current version with them, so after the merge the
 * catalog shows the service as current. Nothing to write means the repository is up to date.
 */
export async function planRepositoryUpdate(
  options: PlanRepositoryUpdateOptions,
): Promise<RepositoryUpdatePlan> {
  const catalogInfoText = await options.readFile(options.catalogInfoPath);
  if (catalogInfoText === undefined) {
    throw new InputError(
      `catalogInfoPath: the repository has no ${options.catalogInfoPath}; give the path of the catalog descriptor that holds the zeroops.io/service-name annotation`,
    );
  }
  const catalogInfo = readCatalogInfo(catalogInfoText, options.catalogInfoPath);
  const manifestText = await options.readFile(MANAGED_FILES_MANIFEST_PATH);
  const manifest =
    manifestText === undefined ? undefined : parseManifest(manifestText);

  let inputs: GeneratorInputs;
  if (manifest) {
    inputs = Object.fromEntries(
      MANAGED_GENERATORS.flatMap(id => {
        const entry = manifest.generators[id];
        return entry ? [[id, entry.input]] : [];
      }),
    );
  } else if (
    options.previousInputs &&
    Object.keys(options.previousInputs).length > 0
  ) {
    inputs = options.previousInputs;
  } else {
    throw new InputError(
      `previousInputs: the repository has no ${MANAGED_FILES_MANIFEST_PATH} (it was generated before template version 2), so the inputs it was generated with must be given`,
    );
  }
  inputs = mergeInputs(inputs, options.inputOverrides);
  const { files: rendered, byGenerator } = renderManagedFiles(inputs);

  const current = new Map<string, string | undefined>();
  for (const file of rendered.keys()) {
    current.set(file, await options.readFile(file));
  }
  if ([...current.values()].every(content => content === undefined)) {
    throw new InputError(
      `The repository holds none of the files ZeroOps manages (${[
        ...rendered.keys(),
      ]
        .slice(0, 3)
        .join(
          ', ',
        )}, …); add them with the zeroops-adopt template, an update only changes files that exist`,
    );
  }

  const recordedHashes = new Map<string, string>(
    MANAGED_GENERATORS.flatMap(id =>
      Object.entries(manifest?.generators[id]?.files ?? {}),
    ),
  );
  const writes = new Map<string, string>();
  const plan = {
    unchangedFiles: [] as string[],
    handEditedFiles: [] as string[],
    skippedFiles: [] as string[],
  };
  const manifestHashes = new Map<string, string>();
  for (const [file, content] of rendered) {
    const existing = current.get(file);
    manifestHashes.set(file, contentHash(content));
    if (existing === content) {
      plan.unchangedFiles.push(file);
      continue;
    }
    const recorded = recordedHashes.get(file);
    const editedByHand =
      existing !== undefined &&
      recorded !== undefined &&
      contentHash(existing) !== recorded;
    if (editedByHand && options.handEditedFiles === 'skip') {
      plan.skippedFiles.push(file);
      // Still recorded as ZeroOps wrote it, so the next update finds the edit again.
      manifestHashes.set(file, recorded);
      continue;
    }
    if (editedByHand) plan.handEditedFiles.push(file);
    writes.set(file, content);
  }

  const obsoleteFiles = [...recordedHashes.keys()].filter(
    file => !rendered.has(file),
  );
  const obsoletePresent: string[] = [];
  for (const file of obsoleteFiles) {
    if ((await options.readFile(file)) !== undefined)
      obsoletePresent.push(file);
  }

  const newManifest: ManagedFilesManifest = {
    templateVersion: ZEROOPS_TEMPLATE_VERSION,
    generators: Object.fromEntries(
      MANAGED_GENERATORS.flatMap(id => {
        const input = inputs[id];
        const files = byGenerator.get(id);
        if (!input || !files) return [];
        return [
          [
            id,
            {
              input: recordedInput(input),
              files: Object.fromEntries(
                files.map(file => [file, manifestHashes.get(file)!]),
              ),
            },
          ],
        ];
      }),
    ),
  };
  const newManifestText = formatManifest(newManifest);
  if (newManifestText !== manifestText) {
    writes.set(MANAGED_FILES_MANIFEST_PATH, newManifestText);
  }
  const newCatalogInfo = withTemplateVersion(
    catalogInfoText,
    options.catalogInfoPath,
    ZEROOPS_TEMPLATE_VERSION,
  );
  if (newCatalogInfo !== catalogInfoText) {
    writes.set(options.catalogInfoPath, newCatalogInfo);
  }

  const sorted = (files: string[]) => [...files].sort();
  return {
    writes,
    changedFiles: sorted([...writes.keys()]),
    unchangedFiles: sorted(plan.unchangedFiles),
    handEditedFiles: sorted(plan.handEditedFiles),
    skippedFiles: sorted(plan.skippedFiles),
    obsoleteFiles: sorted(obsoletePresent),
    fromVersion: catalogInfo.templateVersion ?? manifest?.templateVersion ?? 1,
    toVersion: ZEROOPS_TEMPLATE_VERSION,
    inputsFrom: manifest ? 'manifest' : 'previousInputs',
    serviceName: catalogInfo.serviceName,
  };
}
