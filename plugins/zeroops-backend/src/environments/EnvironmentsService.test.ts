import { mockServices } from '@backstage/backend-test-utils';
import { ServiceTarget } from '../catalog/serviceTargets';
import { PlatformEnvironment } from '../config/ZeroOpsConfig';
import { EnvironmentsService } from './EnvironmentsService';
import { AwsEnvironmentReader } from './readers/AwsEnvironmentReader';
import { ClusterLocation } from './records';
import { RequestDeadline } from './RequestDeadline';
import { RequestReads } from './RequestReads';

const ENVIRONMENTS: PlatformEnvironment[] = [
  {
    name: 'production',
    kind: 'persistent',
    accountId: '111111111111',
    region: 'eu-west-1',
    cluster: 'production',
  },
  {
    name: 'staging',
    kind: 'persistent',
    accountId: '222222222222',
    region: 'eu-west-1',
    cluster: 'staging',
  },
];

const SERVICES = 25;

const targets: ServiceTarget[] = Array.from({ length: SERVICES }, (_, i) => ({
  entityRef: `component:default/service-${i}`,
  serviceName: `service-${String(i).padStart(2, '0')}`,
}));

const loaded = <T>(value: T) =>
  Promise.resolve({
    ok: true as const,
    value,
    fetchedAt: '2026-01-01T00:00:00Z',
  });

/** AWS answers at once, except the reads of `hungAccount` (when set), which never answer. */
function world(hungAccount?: string) {
  const answer = <T>(accountId: string, value: T) =>
    accountId === hungAccount ? new Promise<never>(() => {}) : loaded(value);
  const reader = {
    warmCredentials: jest.fn(),
    clusterServices: jest.fn(
      (location: ClusterLocation, names: readonly string[]) =>
        answer(location.accountId, { services: {}, missing: [...names] }),
    ),
    alarmsInAlarm: jest.fn((accountId: string) => answer(accountId, [])),
    auroraClusters: jest.fn((accountId: string) =>
      answer(accountId, { stores: [] }),
    ),
    valkeyCaches: jest.fn((accountId: string) =>
      answer(accountId, { stores: [] }),
    ),
    stoppedTasks: jest.fn((location: ClusterLocation) =>
      answer(location.accountId, []),
    ),
  };
  const service = new EnvironmentsService(
    ENVIRONMENTS,
    reader as unknown as AwsEnvironmentReader,
    { rosterTargets: async () => targets, refreshSoon: jest.fn() },
    mockServices.logger.mock(),
  );
  return { reader, service };
}

describe('EnvironmentsService', () => {
  it('starts the account/region and cluster reads once per request, not once per service', async () => {
    const { reader, service } = world();
    const reads = new RequestReads();
    const answers = await Promise.all(
      targets.map(t => service.forService(t, 'summary', undefined, reads)),
    );
    expect(answers.flat()).toHaveLength(SERVICES * ENVIRONMENTS.length);
    for (const read of [
      reader.alarmsInAlarm,
      reader.auroraClusters,
      reader.valkeyCaches,
    ]) {
      expect(read.mock.calls.map(([account]) => account).sort()).toEqual([
        '111111111111',
        '222222222222',
      ]);
    }
    // 25 services: three DescribeServices batches (10, 10, 5) per cluster.
    expect(reader.clusterServices).toHaveBeenCalledTimes(
      3 * ENVIRONMENTS.length,
    );
    expect(reader.stoppedTasks).not.toHaveBeenCalled();
  });

  it('starts them once per call without a request-wide memo, stopped tasks included for detail', async () => {
    const { reader, service } = world();
    await service.forService(targets[0], 'detail');
    await service.forService(targets[1], 'detail');
    expect(reader.alarmsInAlarm).toHaveBeenCalledTimes(2 * ENVIRONMENTS.length);
    expect(reader.stoppedTasks).toHaveBeenCalledTimes(2 * ENVIRONMENTS.length);
  });

  it('still answers every environment by the deadline when one account hangs', async () => {
    const { service } = world('222222222222');
    const deadline = RequestDeadline.after(50);
    const reads = new RequestReads();
    const answers = await Promise.all(
      targets.map(t => service.forService(t, 'summary', deadline, reads)),
    );
    deadline.dispose();
    for (const environments of answers) {
      expect(
        environments.map(e => [e.name, e.pending ?? false, e.error]),
      ).toEqual([
        ['production', false, undefined],
        ['staging', true, undefined],
      ]);
    }
  });
});
