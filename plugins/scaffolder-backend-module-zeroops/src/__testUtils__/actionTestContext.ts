import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';

/** A context for calling an action's handler directly, with recorded outputs and checkpoints. */
export interface ActionTestContext<
  TInput extends JsonObject,
  TOutput extends JsonObject,
> {
  ctx: ActionContext<TInput, TOutput>;
  outputs: Record<string, JsonValue>;
  checkpoints: string[];
}

/**
 * `input` is the raw input as the scaffolder hands it over (only its JSON shape checked); the
 * actions parse it themselves, which is what the tests exercise.
 */
export function createActionTestContext<
  TInput extends JsonObject,
  TOutput extends JsonObject,
>(
  _action: TemplateAction<TInput, TOutput>,
  options: {
    input: JsonObject;
    workspacePath: string;
    isDryRun?: boolean;
  },
): ActionTestContext<TInput, TOutput> {
  const outputs: Record<string, JsonValue> = {};
  const checkpoints: string[] = [];
  const ctx: ActionContext<TInput, TOutput> = {
    input: options.input as TInput,
    workspacePath: options.workspacePath,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    task: { id: 'test-task' },
    output(name, value) {
      outputs[String(name)] = value as JsonValue;
    },
    async checkpoint(opts) {
      checkpoints.push(opts.key);
      return opts.fn();
    },
    async createTemporaryDirectory() {
      return fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-action-'));
    },
    async getInitiatorCredentials() {
      return mockCredentials.user();
    },
  };
  return { ctx, outputs, checkpoints };
}

/** The `input` of every step of an `*.examples.ts` example. */
export function exampleInputs(example: string): JsonObject[] {
  const parsed = yaml.parse(example) as { steps: Array<{ input: JsonObject }> };
  return parsed.steps.map(step => step.input);
}

/** Every file below `dir` (relative path → content), for comparing trees. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result[path.relative(dir, full)] = await fs.readFile(full, 'utf8');
    }
  };
  await walk(dir);
  return result;
}

export async function createWorkspace(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-workspace-'));
}
