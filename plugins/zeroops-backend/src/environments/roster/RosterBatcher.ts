import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceTarget } from '../../catalog/serviceTargets';
import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import { environmentsOfTarget } from './environmentsOfTarget';
import { buildRosterBatches, RosterBatches } from './rosterBatches';

/** Supplies the service names to describe together in each cluster. */
export interface RosterSource {
  rosterTargets(): Promise<ServiceTarget[]>;
  /** A service was not in the roster: reload it early. */
  refreshSoon(): void;
}

/**
 * The catalog roster as DescribeServices batches per cluster, computed once per roster list
 * and set of environments (both are replaced, never changed, when they change).
 */
export class RosterBatcher {
  private readonly computed = new WeakMap<
    ServiceTarget[],
    { environments: PlatformEnvironment[]; batches: RosterBatches }
  >();

  constructor(
    private readonly roster: RosterSource,
    private readonly logger: LoggerService,
  ) {}

  async batches(environments: PlatformEnvironment[]): Promise<RosterBatches> {
    let targets: ServiceTarget[];
    try {
      targets = await this.roster.rosterTargets();
    } catch (error) {
      // Without the catalog roster every service is still read, just not batched.
      this.logger.warn(`ZeroOps: could not list catalog services: ${error}`);
      return new Map();
    }
    const cached = this.computed.get(targets);
    if (cached && cached.environments === environments) return cached.batches;
    const batches = buildRosterBatches(targets, target =>
      environmentsOfTarget(target, environments),
    );
    this.computed.set(targets, { environments, batches });
    return batches;
  }

  /** See {@link RosterSource.refreshSoon}. */
  refreshSoon(): void {
    this.roster.refreshSoon();
  }
}
