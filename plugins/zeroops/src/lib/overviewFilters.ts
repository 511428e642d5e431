import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Owner and system chosen on the overview page, as entity refs (`system:default/checkout`: the
 * backend resolves `checkout` and `system:checkout` to it); undefined means all.
 */
export interface OverviewFilter {
  owner?: string;
  system?: string;
}

export function filterServices(
  services: ReadonlyArray<OverviewService>,
  filter: OverviewFilter,
): OverviewService[] {
  return services.filter(
    service =>
      (!filter.owner || service.owner === filter.owner) &&
      (!filter.system || service.system === filter.system),
  );
}

/** The distinct owner and system refs of the services, sorted, for the filter menus. */
export function filterOptions(services: ReadonlyArray<OverviewService>): {
  owners: string[];
  systems: string[];
} {
  const distinct = (values: Array<string | undefined>) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    owners: distinct(services.map(s => s.owner)),
    systems: distinct(services.map(s => s.system)),
  };
}

/**
 * The persistent environment columns of the health matrix: every environment some service has,
 * in the order they first appear (the backend lists them in configuration order).
 */
export function matrixEnvironments(
  services: ReadonlyArray<OverviewService>,
): string[] {
  const names: string[] = [];
  for (const service of services) {
    for (const environment of service.environments) {
      if (!names.includes(environment.name)) names.push(environment.name);
    }
  }
  return names;
}
