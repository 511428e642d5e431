import type { z as zod } from 'zod/v3';

/**
 * What every ZeroOps action is: a read with the caller's credentials, which changes nothing and
 * may be repeated.
 */
export const READ_ONLY_ACTION = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;

/** The `service` input of the actions, looked up with `ZeroOpsReadService.findEntityRef`. */
export const serviceInputSchema = (z: typeof zod) =>
  z
    .string()
    .min(1)
    .describe('Service name, entity ref, or a unique part of the name');

/** The sentence of an action's description that explains its `service` input. */
export const SERVICE_INPUT_HELP =
  '`service` accepts a service name ("payments-api"), a catalog entity ref ("component:default/payments-api") or a unique part of a name ("payments").';

/** {@link SERVICE_INPUT_HELP} without the examples, for actions whose description is long. */
export const SERVICE_INPUT_HELP_SHORT =
  '`service` accepts a service name, a catalog entity ref, or a unique part of a name.';
