/** The generated trees of the scenario matrix (scenarioMatrix.test.ts), its batching helper and the workflow linters' runner. */
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
function countByFile(files: string[], failing: Iterable<string>) {
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

/** A generated workflow file: its path and its label `<service>/.github/workflows/<name>`. */
export interface LabelledWorkflow {
  path: string;
  label: string;
}

/**
 * Runs a workflow linter on the workflows of every tree. `lint` returns its findings on one
 * tree's workflows, each starting with the label of its file then `:`; the counts are per file,
 * for the summary table.
 */
export async function lintWorkflows(
  trees: GeneratedTree[],
  lint: (
    tree: GeneratedTree,
    workflows: LabelledWorkflow[],
  ) => Promise<string[]>,
): Promise<{ findings: string[]; passed: number; failed: number }> {
  const labels: string[] = [];
  const findings: string[] = [];
  for (const tree of trees) {
    const workflows = (await readWorkflows(tree.root)).map(w => {
      const file = path.join(tree.root, '.github/workflows', w.name);
      return {
        path: file,
        label: `${tree.generation.serviceName}/${path.relative(
          tree.root,
          file,
        )}`,
      };
    });
    labels.push(...workflows.map(w => w.label));
    findings.push(...(await lint(tree, workflows)));
  }
  return {
    findings,
    ...countByFile(
      labels,
      findings.map(f => f.split(':')[0]),
    ),
  };
}
