import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { parseEphemeralEnvironmentName } from '@zeroops/backstage-plugin-zeroops-common';
import { ClientOf } from '../../aws/AwsClients';
import { collectPages } from '../../aws/paginate';
import { arnResourceName } from './ecsMapping';

/**
 * The names of the pull-request services (`<service>-pr-<n>`) of an ephemeral cluster, sorted,
 * from one paginated ListServices walk.
 */
export async function listEphemeralServiceNames(
  ecs: ClientOf<'ecs'>,
  cluster: string,
): Promise<string[]> {
  const arns = await collectPages(async nextToken => {
    const page = await ecs.send(
      new ListServicesCommand({ cluster, maxResults: 100, nextToken }),
    );
    return { items: page.serviceArns ?? [], nextToken: page.nextToken };
  });
  return arns
    .map(arnResourceName)
    .filter(name => {
      const dash = name.lastIndexOf('-pr-');
      return (
        dash > 0 &&
        parseEphemeralEnvironmentName(name.slice(dash + 1)) !== undefined
      );
    })
    .sort();
}
