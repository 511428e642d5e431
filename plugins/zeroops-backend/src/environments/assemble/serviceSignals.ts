import {
  ALARM_SIGNALS,
  AlarmSummary,
  alarmNamePrefix,
  DataStoreStatus,
  dataStoreIdentifier,
  EnvironmentError,
} from '@zeroops/backstage-plugin-zeroops-common';
import { AlarmRecord, ClusterServicesRecord } from '../records';

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

export function dataStoresOfService(
  stores: DataStoreStatus[],
  serviceName: string,
  instance: string,
): DataStoreStatus[] {
  const storeId = dataStoreIdentifier(serviceName, instance);
  return stores.filter(store => store.identifier === storeId);
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
