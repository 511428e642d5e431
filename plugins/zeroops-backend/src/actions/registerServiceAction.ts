import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import type { AnyZodObject, ZodRawShape, z as zod } from 'zod/v3';
import { ZeroOpsReadService } from '../service/ZeroOpsReadService';
import { READ_ONLY_ACTION, serviceInputSchema } from './serviceActionInputs';

/** The input of a service action: the `service` and the action's own fields. */
type ServiceActionInput<TInputShape extends ZodRawShape> = {
  service: string;
} & zod.infer<zod.ZodObject<TInputShape>>;

/**
 * Registers an action about one service the way every such ZeroOps action works: read-only, its
 * input the `service` (first) and `input`'s fields, and the service resolved to the entity ref
 * with {@link ZeroOpsReadService.findEntityRef} for the caller before `read` runs. `read`
 * authorizes the caller for that entity as the REST routes do.
 */
export function registerServiceAction<
  TInputShape extends ZodRawShape,
  TOutputSchema extends AnyZodObject,
>(
  actionsRegistry: ActionsRegistryService,
  reads: ZeroOpsReadService,
  options: Pick<
    ActionsRegistryActionOptions<AnyZodObject, TOutputSchema>,
    'name' | 'title' | 'description'
  > & {
    /** The inputs besides `service`. */
    input?: (z: typeof zod) => TInputShape;
    output: (z: typeof zod) => TOutputSchema;
    examples?: Array<{ title: string; input: ServiceActionInput<TInputShape> }>;
    read(request: {
      entityRef: string;
      input: ServiceActionInput<TInputShape>;
      credentials: BackstageCredentials;
    }): Promise<zod.infer<TOutputSchema>>;
  },
): void {
  const { input: inputFields, output, read, ...described } = options;
  // Registered with the schemas' common type: the typed signature above is what callers see.
  actionsRegistry.register<AnyZodObject, AnyZodObject>({
    ...described,
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({ service: serviceInputSchema(z), ...inputFields?.(z) }),
      output,
    },
    action: async ({ input, credentials }) => {
      const entityRef = await reads.findEntityRef(input.service, credentials);
      return {
        output: await read({
          entityRef,
          input: input as ServiceActionInput<TInputShape>,
          credentials,
        }),
      };
    },
  });
}
