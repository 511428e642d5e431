/** The generated trees of the scenario matrix (scenarioMatrix.test.ts) and its batching and counting helpers. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JsonObject } from '@backstage/types';
import { startZeroopsBackend, ZeroopsTestBackend } from './backend';
import { ScenarioGeneration } from './scenarios';
import { loadTemplate, writeDryRunTree } from './templateFiles';
import { readWorkflows } from './treeChecks';

export interface DryRunResponse {
  directoryContents: Array<{
    path: string;
    base64Content: string;
    executable?: boolean;
  }>;
  output: {
    text?: Array<{ title: string; content: string }>;
    links?: JsonObject[];
  };
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
}

export interface GeneratedTree {
  generation: ScenarioGeneration;
  root: string;
  response: DryRunResponse;
}

/** Starts the scaffolder backend (our module, no catalog) before the file's tests and stops it after. */
export function useDryRunBackend(): () => ZeroopsTestBackend {
  let backend: ZeroopsTestBackend | undefined;
  beforeAll(async () => {
    backend = await startZeroopsBackend({
      localRepositoriesDir: path.join(
        os.tmpdir(),
        'zeroops-unused-repositories',
      ),
      withCatalog: false,
    });
  });
  afterAll(async () => {
    await backend?.stop();
  });
  return () => {
    if (!backend) throw new Error('the dry-run backend has not started');
    return backend;
  };
}

/** Generates one scenario through the scaffolder's dry-run endpoint, into a fresh directory. */
export async function generate(
  backend: ZeroopsTestBackend,
  generation: ScenarioGeneration,
): Promise<GeneratedTree> {
  const { template, directoryContents } = await loadTemplate(
    generation.template,
  );
  const result = await backend.request<DryRunResponse>(
    'POST',
    '/api/scaffolder/v2/dry-run',
    { template, values: generation.values, directoryContents },
  );
  if (result.status !== 200) {
    throw new Error(
      `Dry run of ${generation.template} (${
        generation.serviceName
      }) failed: ${JSON.stringify(result.body)}`,
    );
  }
  const root = await fs.mkdtemp(
    path.join(os.tmpdir(), `zeroops-${generation.serviceName}-`),
  );
  await writeDryRunTree(root, result.body.directoryContents);
  return { generation, root, response: result.body };
}

/** Files that failed (had at least one problem) and those that passed, for the summary table. */
export function countByFile(files: string[], failing: Iterable<string>) {
  const failed = new Set(failing);
  return {
    passed: files.filter(f => !failed.has(f)).length,
    failed: failed.size,
  };
}

/** Runs `fn` over `items`, at most `limit` at a time (Checkov and npm are CPU-heavy). */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  }
  return results;
}

export const workflowFiles = async (root: string) =>
  (await readWorkflows(root)).map(w =>
    path.join(root, '.github/workflows', w.name),
  );
