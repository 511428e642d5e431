import {
  DataStoreStatus,
  dataStoreIdentifier,
} from '@zeroops/backstage-plugin-zeroops-common';
import { dataStoresOfService } from './serviceSignals';

function store(
  identifier: string,
  kind: DataStoreStatus['kind'],
): DataStoreStatus {
  return { identifier, kind, status: 'available', available: true };
}

describe('dataStoresOfService', () => {
  const id = dataStoreIdentifier('payments-api', 'production');
  const aurora = {
    stores: [
      store(dataStoreIdentifier('orders', 'production'), 'aurora'),
      store(id, 'aurora'),
    ],
  };
  const valkey = {
    stores: [
      store(id, 'valkey'),
      store(dataStoreIdentifier('payments-api', 'staging'), 'valkey'),
    ],
  };

  it('finds the stores of one service instance across the account records, in record order', () => {
    expect(
      dataStoresOfService([aurora, valkey], 'payments-api', 'production'),
    ).toEqual([store(id, 'aurora'), store(id, 'valkey')]);
    // The index built for the first lookup serves the next ones the same answers.
    expect(
      dataStoresOfService([aurora, valkey], 'payments-api', 'staging'),
    ).toEqual([valkey.stores[1]]);
    expect(
      dataStoresOfService([aurora, valkey], 'unknown', 'production'),
    ).toEqual([]);
  });

  it('skips a record that could not be read', () => {
    expect(
      dataStoresOfService([undefined, valkey], 'payments-api', 'production'),
    ).toEqual([store(id, 'valkey')]);
  });
});
