/**
 * The fields of GitHub's webhook payloads that the ingest uses, as zod schemas. A payload that
 * lacks one of them (or has it in another shape) is `malformed`: rejected and counted, nothing
 * stored. GitHub's full shapes are in `@octokit/webhooks-schemas`; the GitHub simulator's
 * payloads are validated against them, and these schemas accept every such payload.
 */
import { z } from 'zod';

/** The GitHub events the ingest subscribes to (`github.<event>` topics). */
export const DELIVERY_EVENTS = [
  'deployment',
  'deployment_status',
  'workflow_run',
  'pull_request',
  'push',
] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

const repository = z.object({
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
});
const time = z.string().refine(value => !Number.isNaN(Date.parse(value)), {
  message: 'not a date-time',
});
const sha = z.string().regex(/^[0-9a-f]{40}$/i);

const deployment = z.object({
  id: z.number().int().positive(),
  sha,
  ref: z.string(),
  task: z.string(),
  environment: z.string().min(1).max(255),
  created_at: time,
  creator: z.object({ login: z.string() }).nullish(),
  payload: z.unknown().optional(),
});

export const webhookSchemas = {
  deployment: z.object({ action: z.string(), deployment, repository }),
  deployment_status: z.object({
    action: z.string(),
    deployment_status: z.object({
      id: z.number().int().positive(),
      state: z.string(),
      created_at: time,
      description: z.string().nullish(),
      log_url: z.string().nullish(),
      target_url: z.string().nullish(),
    }),
    deployment,
    repository,
  }),
  workflow_run: z.object({
    action: z.string(),
    workflow_run: z.object({
      id: z.number().int().positive(),
      html_url: z.string().url(),
      head_sha: sha,
      status: z.string().nullable(),
      created_at: time,
      updated_at: time,
    }),
    repository,
  }),
  pull_request: z.object({
    action: z.string(),
    pull_request: z.object({
      number: z.number().int().positive(),
      merged_at: time.nullable(),
      merge_commit_sha: sha.nullable(),
    }),
    repository,
  }),
  push: z.object({
    ref: z.string(),
    after: sha,
    deleted: z.boolean().optional(),
    commits: z.array(z.object({ id: sha, timestamp: time })),
    head_commit: z.object({ id: sha, timestamp: time }).nullable(),
    repository,
  }),
} satisfies Record<DeliveryEvent, z.ZodType>;

export type WebhookPayload<E extends DeliveryEvent> = z.infer<
  (typeof webhookSchemas)[E]
>;
