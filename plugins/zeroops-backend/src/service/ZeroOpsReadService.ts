import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityCostResponse,
  EntityEnvironmentsResponse,
  isPlatformServiceName,
  OverviewResponse,
  OverviewService,
  repositoryLinks,
  zeroopsCostReadPermission,
} from '@zeroops/backstage-plugin-zeroops-common';
import { CatalogServiceIndex } from '../catalog/CatalogServiceIndex';
import {
  explainMissingAnnotation,
  ServiceTarget,
  serviceTargetOf,
} from '../catalog/serviceTargets';
import { CostService } from '../cost/CostService';
import { roundMoney } from '../cost/costAggregation';
import { EnvironmentsService } from '../environments/EnvironmentsService';
import { RequestDeadline } from '../environments/RequestDeadline';
import { RequestReads } from '../environments/RequestReads';
import {
  AdditionalPermission,
  authorizedEntityPart,
  EntityPart,
  EntityReadDeps,
} from './authorizedEntity';
import { specEntityRef } from './specEntityRef';

/** The ZeroOps service an entity's annotations describe. */
const SERVICE_TARGET: EntityPart<ServiceTarget> = {
  of: serviceTargetOf,
  explainMissing: explainMissingAnnotation,
  missingCode: 'annotation-missing',
};

/** What a cost read needs besides the entity. */
const COST_READ: AdditionalPermission = {
  permission: zeroopsCostReadPermission,
  deniedMessage: `You are not allowed to read cost (permission ${zeroopsCostReadPermission.name})`,
};

/**
 * The three reads of the API, shared by the REST router and the actions registry. Every
 * method authorizes the caller first and only then touches a cache.
 */
export class ZeroOpsReadService {
  constructor(
    private readonly deps: EntityReadDeps & {
      index: CatalogServiceIndex;
      environments: EnvironmentsService;
      cost: CostService;
      demoData: boolean;
    },
  ) {}

  async entityEnvironments(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<EntityEnvironmentsResponse> {
    // Started first: the budget covers authorization and the catalog too.
    const deadline = this.deps.environments.startDeadline();
    try {
      const target = await this.authorizedTarget(ref, credentials, false);
      return {
        entityRef: target.entityRef,
        serviceName: target.serviceName,
        // The platform's entity (cost only) has no ECS service to read.
        environments: isPlatformServiceName(target.serviceName)
          ? []
          : await this.deps.environments.forService(target, 'detail', deadline),
        demoData: this.deps.demoData,
        generatedAt: new Date().toISOString(),
      };
    } finally {
      deadline.dispose();
    }
  }

  async entityCost(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<EntityCostResponse> {
    const target = await this.authorizedTarget(ref, credentials, true);
    return this.deps.cost.forService(target);
  }

  /**
   * Every annotated entity the caller may read (the catalog filters with the caller's
   * credentials), with health per environment and, when allowed, cost.
   */
  async overview(credentials: BackstageCredentials): Promise<OverviewResponse> {
    const deadline = this.deps.environments.startDeadline();
    try {
      return await this.overviewWithin(
        credentials,
        deadline,
        new RequestReads(),
      );
    } finally {
      deadline.dispose();
    }
  }

  private async overviewWithin(
    credentials: BackstageCredentials,
    deadline: RequestDeadline,
    // Shared by all services of the overview: each account/region or cluster read starts once.
    reads: RequestReads,
  ): Promise<OverviewResponse> {
    const [entries, costDecision] = await Promise.all([
      this.deps.index.listForUser(credentials),
      this.deps.permissions.authorize(
        [{ permission: zeroopsCostReadPermission }],
        { credentials },
      ),
    ]);
    const costVisible = costDecision[0].result === AuthorizeResult.ALLOW;
    const generatedAt = new Date();
    const [environments, cost] = await Promise.all([
      Promise.all(
        // The platform's entity has cost but no environments: never counted as not deployed.
        entries.map(e =>
          isPlatformServiceName(e.target.serviceName)
            ? []
            : this.deps.environments.forService(
                e.target,
                'summary',
                deadline,
                reads,
              ),
        ),
      ),
      costVisible
        ? this.deps.cost.summaries(entries.map(e => e.target.serviceName))
        : undefined,
    ]);
    const services: OverviewService[] = entries.map(({ entity, target }, i) => {
      const serviceCost = cost?.byService.get(target.serviceName);
      const envs = environments[i];
      const repository = repositoryLinks(entity);
      return {
        entityRef: target.entityRef,
        title: entity.metadata.title,
        serviceName: target.serviceName,
        owner: specEntityRef(entity, 'owner'),
        system: specEntityRef(entity, 'system'),
        repositoryUrl: repository?.repositoryUrl,
        environments: envs
          .filter(e => e.kind === 'persistent' || e.error || e.pending)
          .map(e => ({
            name: e.name,
            kind: e.kind,
            health: e.health.status,
            reasons: e.health.reasons.map(r => r.code),
            errorCode: e.error?.code,
            ...(e.pending && { pending: true }),
          })),
        ephemeral: envs
          .filter(e => e.pullRequest !== undefined)
          .map(e => {
            const createdAt = e.service?.createdAt;
            return {
              name: e.name,
              pullRequest: e.pullRequest as number,
              pullRequestUrl: repository?.pullRequestUrl(
                e.pullRequest as number,
              ),
              health: e.health.status,
              createdAt,
              ageHours: createdAt
                ? Math.floor(
                    (generatedAt.getTime() - Date.parse(createdAt)) / 3_600_000,
                  )
                : undefined,
              monthToDate: serviceCost?.environments.get(e.name),
            };
          }),
        cost: serviceCost
          ? {
              monthToDate: serviceCost.monthToDate,
              forecast: serviceCost.forecast,
              budget: serviceCost.budget,
            }
          : undefined,
      };
    });
    services.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    const listedCost = services.flatMap(s => (s.cost ? [s.cost] : []));
    return {
      services,
      costVisible,
      totals:
        costVisible && cost
          ? {
              monthToDate: roundMoney(
                listedCost.reduce((sum, c) => sum + c.monthToDate, 0),
              ),
              forecast: roundMoney(
                listedCost.reduce((sum, c) => sum + c.forecast.amount, 0),
              ),
              currency: cost.currency,
            }
          : undefined,
      costLastRefreshedAt: cost?.lastRefreshedAt ?? null,
      demoData: this.deps.demoData,
      generatedAt: generatedAt.toISOString(),
    };
  }

  /**
   * Finds the entity of a service from free text ("payments", "payments-api",
   * "component:default/payments-api") among the entities the caller may read. Used by the
   * actions, whose callers (MCP clients) rarely know entity refs.
   */
  async findEntityRef(
    query: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const q = query.trim().toLocaleLowerCase('en-US');
    const entries = await this.deps.index.listForUser(credentials);
    const candidates = (
      [
        e => e.target.entityRef === q || e.target.serviceName === q,
        e => e.entity.metadata.name.toLocaleLowerCase('en-US') === q,
        e =>
          e.target.serviceName.startsWith(q) ||
          e.entity.metadata.name.toLocaleLowerCase('en-US').startsWith(q),
        e =>
          e.target.serviceName.includes(q) ||
          (e.entity.metadata.title ?? '')
            .toLocaleLowerCase('en-US')
            .includes(q),
      ] as Array<(e: (typeof entries)[number]) => boolean>
    )
      .map(match => entries.filter(match))
      .find(found => found.length > 0);
    if (!candidates) {
      throw new NotFoundError(
        `No service you can read matches "${query}"; known services: ${entries
          .map(e => e.target.serviceName)
          .join(', ')}`,
      );
    }
    // An entity annotated for the AWS ECS plugin may name the same service as a ZeroOps one.
    const preferred =
      candidates && candidates.length > 1
        ? candidates.filter(e => !e.target.ecsServiceArn)
        : candidates;
    if (preferred?.length === 1) return preferred[0].target.entityRef;
    if (candidates.length > 1) {
      throw new NotFoundError(
        `"${query}" matches several services (${candidates
          .map(e => e.target.serviceName)
          .join(', ')}); use the full service name or entity ref`,
      );
    }
    return candidates[0].target.entityRef;
  }

  private authorizedTarget(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
    cost: boolean,
  ): Promise<ServiceTarget> {
    return authorizedEntityPart(
      this.deps,
      ref,
      credentials,
      SERVICE_TARGET,
      cost ? [COST_READ] : [],
    );
  }
}
