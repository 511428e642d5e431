import { JsonObject } from '@backstage/types';
import { ZeroopsTestBackend } from './backend';

/** Polls `fn` every 200 ms until it returns a value. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** What a template's `output` section gives the result page. */
export interface TaskOutput {
  links?: Array<{ title?: string; url?: string; entityRef?: string }>;
  text?: Array<{ title?: string; content: string }>;
}

export interface FinishedTask {
  status: string;
  /** The messages of the task's log, in order. */
  log: string[];
  /** The template's output (links, text), when the task completed. */
  output: TaskOutput;
}

/** Waits until the catalog has ingested the template `name` (a catalog location). */
export async function waitForTemplate(
  backend: ZeroopsTestBackend,
  name: string,
): Promise<void> {
  await waitFor(`the template ${name} in the catalog`, async () => {
    const { status } = await backend.request(
      'GET',
      `/api/catalog/entities/by-name/template/default/${name}`,
    );
    return status === 200 ? true : undefined;
  });
}

/**
 * Runs a template of the catalog as a real task through the scaffolder's REST API (the way the
 * Create page does) and waits for its end. The API does not apply the form's defaults: `values`
 * must hold every parameter the template's steps read.
 */
export async function runTemplateTask(
  backend: ZeroopsTestBackend,
  templateName: string,
  values: JsonObject,
): Promise<FinishedTask> {
  const created = await backend.request<{ id: string }>(
    'POST',
    '/api/scaffolder/v2/tasks',
    { templateRef: `template:default/${templateName}`, values },
  );
  if (created.status !== 201) {
    throw new Error(
      `Creating a task of ${templateName} answered ${
        created.status
      }: ${JSON.stringify(created.body)}`,
    );
  }
  const task = await waitFor('the task to finish', async () => {
    const { body } = await backend.request<{
      status: string;
    }>('GET', `/api/scaffolder/v2/tasks/${created.body.id}`);
    return ['completed', 'failed', 'cancelled'].includes(body.status)
      ? body
      : undefined;
  });
  const events = await backend.request<
    Array<{ type: string; body: { message?: string; output?: TaskOutput } }>
  >('GET', `/api/scaffolder/v2/tasks/${created.body.id}/events`);
  const completion = events.body.find(event => event.type === 'completion');
  return {
    status: task.status,
    log: events.body.map(event => event.body.message ?? ''),
    output: completion?.body.output ?? {},
  };
}
