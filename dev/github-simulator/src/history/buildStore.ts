import { GithubStore } from '../model/GithubStore.ts';
import { HistoryBuilder } from './HistoryBuilder.ts';
import { buildDemoHistory } from './demoHistory.ts';
import { generateHistory } from './generateHistory.ts';
import {
  DELIVERY_PROFILES,
  type DeliveryProfile,
  type DeliveryProfileName,
} from './profiles.ts';

const DAY = 86_400_000;

/**
 * One repository of a custom history: a generated one (a profile over `days`) and/or a
 * hand-written `script` run after it.
 *
 * @public
 */
export interface RepositorySpec {
  profile?: DeliveryProfileName | DeliveryProfile;
  /** Days of generated history. Default 30 when a profile is given. */
  days?: number;
  script?: (builder: HistoryBuilder, now: Date) => void;
  description?: string;
  language?: string;
}

/** @public */
export interface HistoryOptions {
  /** `demo` (default): the demo catalog's repositories; `none`: only `repositories`. */
  preset?: 'demo' | 'none';
  /** `owner/name` → spec: small histories for tests. */
  repositories?: Record<string, RepositorySpec>;
  /** A large generated organisation for benchmarks. */
  benchmark?: { repositories: number; days: number; owner?: string };
}

function addGenerated(
  store: GithubStore,
  fullName: string,
  spec: RepositorySpec,
  now: Date,
  htmlBaseUrl: string,
): void {
  const [owner, name] = fullName.split('/');
  if (!owner || !name) {
    throw new Error(`repository names are owner/name, got "${fullName}"`);
  }
  const days = spec.days ?? 30;
  const state = store.addRepository({
    owner: {
      login: owner,
      id: 90_000_000 + (owner.length % 997),
      type: 'Organization',
    },
    name,
    description: spec.description ?? null,
    language: spec.language ?? 'TypeScript',
    defaultBranch: 'main',
    createdAt: new Date(now.getTime() - (days + 30) * DAY),
    private: true,
  });
  const builder = new HistoryBuilder(store, state, fullName, htmlBaseUrl);
  if (spec.profile) {
    const profile =
      typeof spec.profile === 'string'
        ? DELIVERY_PROFILES[spec.profile]
        : spec.profile;
    let pull = 0;
    generateHistory(builder, {
      profile,
      from: new Date(now.getTime() - days * DAY),
      until: now,
      nextPullNumber: () => ++pull,
    });
  }
  spec.script?.(builder, now);
}

/** Builds every repository's history, then numbers the records in time order. */
export function buildStore(
  options: HistoryOptions,
  now: Date,
  htmlBaseUrl: string,
): GithubStore {
  const store = new GithubStore();
  if ((options.preset ?? 'demo') === 'demo') {
    buildDemoHistory(store, now, htmlBaseUrl);
  }
  for (const [fullName, spec] of Object.entries(options.repositories ?? {})) {
    addGenerated(store, fullName, spec, now, htmlBaseUrl);
  }
  if (options.benchmark) {
    const owner = options.benchmark.owner ?? 'zeroops-bench';
    const width = String(options.benchmark.repositories).length;
    for (let i = 1; i <= options.benchmark.repositories; i++) {
      addGenerated(
        store,
        `${owner}/service-${String(i).padStart(width, '0')}`,
        { profile: 'benchmark', days: options.benchmark.days },
        now,
        htmlBaseUrl,
      );
    }
  }
  store.assignIds();
  return store;
}
