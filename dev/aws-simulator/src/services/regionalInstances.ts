import type { InstanceModel } from '../scenario/world.ts';
import type { RequestContext } from './types.ts';

/**
 * The environment instances in the caller's account and region: what a regional API sees.
 * Resources of other accounts or regions are invisible, as they are to a real AWS endpoint.
 */
export function regionalInstances(context: RequestContext): InstanceModel[] {
  return context.world.instances.filter(
    i => i.account === context.account && i.region === context.region,
  );
}
