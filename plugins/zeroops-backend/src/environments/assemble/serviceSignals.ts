import {
  ALARM_SIGNALS,
  AlarmSummary,
  alarmNamePrefix,
  DataStoreStatus,
  dataStoreIdentifier,
  EnvironmentError,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  AlarmRecord,
  ClusterServicesRecord,
  DataStoresRecord,
} from '../records';

/**
 * The parts of account- and cluster-wide reads that belong to one service instance, found by
 * the naming contract (alarm name prefix, data store identifier).
 */

const KNOWN_SIGNALS = new Set<string>(ALARM_SIGNALS);

export function alarmsOfService(
  alarms: AlarmRecord[],
  serviceName: string,
  instance: string,
): AlarmSummary[] {
  const prefix = alarmNamePrefix(serviceName, instance);
  return alarms
    .filter(alarm => alarm.name.startsWith(prefix))
    .map(alarm => {
      const signal = alarm.name.slice(prefix.length);
      return {
        name: alarm.name,
        signal: KNOWN_SIGNALS.has(signal) ? signal : undefined,
        state: 'ALARM' as const,
        reason: alarm.reason,
        since: alarm.since,
      };
    });
}

/**
 * The Aurora clusters and Valkey caches of an account, by identifier, built once per read
 * record. Every entity request looks up its service in each environment's records; scanning
 * (and copying) the account's whole list each time cost O(stores) per request, which at 1,000
 * services (2,000–6,000 stores per account) was the largest part of a warm request's CPU.
 */
const storesByIdentifier = new WeakMap<
  DataStoresRecord,
  Map<string, DataStoreStatus[]>
>();

function identifierIndex(
  record: DataStoresRecord,
): Map<string, DataStoreStatus[]> {
  let index = storesByIdentifier.get(record);
  if (!index) {
    index = new Map();
    for (const store of record.stores) {
      const same = index.get(store.identifier);
      if (same) same.push(store);
      else index.set(store.identifier, [store]);
    }
    storesByIdentifier.set(record, index);
  }
  return index;
}

/** The data stores of one service instance in the given records (unread ones are skipped). */
export function dataStoresOfService(
  records: Array<DataStoresRecord | undefined>,
  serviceName: string,
  instance: string,
): DataStoreStatus[] {
  const storeId = dataStoreIdentifier(serviceName, instance);
  return records.flatMap(record =>
    record ? identifierIndex(record).get(storeId) ?? [] : [],
  );
}

/** The record says whether it holds `name` (described or reported missing). */
export function knows(record: ClusterServicesRecord, name: string): boolean {
  return name in record.services || record.missing.includes(name);
}

/** One error per source and code: several reads of one API failing the same way say it once. */
export function dedupeErrors(errors: EnvironmentError[]): EnvironmentError[] {
  const seen = new Set<string>();
  return errors.filter(error => {
    const key = `${error.source}:${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
