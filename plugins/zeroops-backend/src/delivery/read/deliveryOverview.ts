import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  computeDoraOfHistories,
  DeliveryOverviewService,
  DeliveryOverviewTeam,
  DoraHistory,
  DoraWindowDays,
  PendingApproval,
  StagingAhead,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EnvironmentDeliveryState } from '../store/DeliveryRecordsReader';
import { GitHubRepository } from './githubRepository';
import { lastPersistentFailure } from './deliveryState';

/** One readable service of the overview with its repository. */
export interface OverviewEntry {
  entity: Entity;
  entityRef: string;
  github: GitHubRepository;
}

/** What the store said about the overview's repositories, keyed by lower-case `owner/name`. */
export interface OverviewRecords {
  states: Map<string, EnvironmentDeliveryState[]>;
  approvals: Map<string, PendingApproval[]>;
  stagingAhead: Map<string, StagingAhead>;
  /** DORA histories of the production deployments. */
  doraHistories: Map<string, DoraHistory>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Groups the store's answers by repository. */
export function overviewRecords(answers: {
  states: EnvironmentDeliveryState[];
  approvals: PendingApproval[];
  stagingAhead: Map<string, StagingAhead>;
  /** DORA histories of the production deployments. */
  doraHistories: Map<string, DoraHistory>;
}): OverviewRecords {
  return {
    states: groupBy(answers.states, s => s.repository.toLowerCase()),
    approvals: groupBy(answers.approvals, a => a.repository.toLowerCase()),
    stagingAhead: answers.stagingAhead,
    doraHistories: answers.doraHistories,
  };
}

/**
 * The owning team of an entity as a full entity ref (`group:default/team-a`), so that `team-a`
 * and `group:default/team-a` are one team; undefined when the entity names no owner.
 */
export function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return owner.trim();
  }
}

/**
 * The overview's services and teams. A team's DORA is computed over the union of its services'
 * production deployments (a repository shared by two of its services counts once).
 */
export function buildDeliveryOverview(
  entries: readonly OverviewEntry[],
  records: OverviewRecords,
  options: {
    windowDays: DoraWindowDays;
    now: Date;
    productionEnvironment: string;
  },
): { services: DeliveryOverviewService[]; teams: DeliveryOverviewTeam[] } {
  const { windowDays, now } = options;
  const doraOf = (repositories: string[]) =>
    computeDoraOfHistories({
      histories: repositories.flatMap(r => {
        const history = records.doraHistories.get(r);
        return history ? [history] : [];
      }),
      now,
      windowDays,
    });

  const services = entries
    .map(({ entity, entityRef, github }): DeliveryOverviewService => {
      const repository = github.repository;
      const states = records.states.get(repository) ?? [];
      const current = states.find(
        s => s.environment === options.productionEnvironment,
      )?.current;
      return {
        entityRef,
        title: entity.metadata.title,
        owner: ownerOf(entity),
        repository,
        production: current
          ? {
              sha: current.sha,
              deployedAt: current.finishedAt ?? current.updatedAt,
            }
          : undefined,
        stagingAhead: records.stagingAhead.get(repository)?.commits,
        pendingApprovals: records.approvals.get(repository) ?? [],
        lastFailure: lastPersistentFailure(states),
        dora: doraOf([repository]),
      };
    })
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef, 'en-US'));

  const byOwner = groupBy(
    services.filter(s => s.owner !== undefined),
    s => s.owner as string,
  );
  const teams = [...byOwner.entries()]
    .map(([owner, members]): DeliveryOverviewTeam => {
      const repositories = [...new Set(members.map(s => s.repository))];
      return {
        owner,
        services: members.map(s => s.entityRef),
        dora: doraOf(repositories),
        pendingApprovals: repositories.reduce(
          (sum, r) => sum + (records.approvals.get(r)?.length ?? 0),
          0,
        ),
      };
    })
    .sort((a, b) => a.owner.localeCompare(b.owner, 'en-US'));
  return { services, teams };
}
