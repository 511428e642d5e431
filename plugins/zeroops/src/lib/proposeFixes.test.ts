import { StoppedTask } from '@zeroops/backstage-plugin-zeroops-common';
import { classifyStoppedTask, proposeFixes } from './proposeFixes';
import { environment, oomStoppedTask } from '../__testUtils__/fixtures';

function task(overrides: Partial<StoppedTask>): StoppedTask {
  return {
    taskArn: 'arn:aws:ecs:us-east-1:111111111111:task/zeroops-production/t1',
    taskId: 't1',
    taskDefinitionRevision: 12,
    containers: [{ name: 'app' }],
    ...overrides,
  };
}

const imagePull = task({
  stopCode: 'TaskFailedToStart',
  stoppedReason:
    'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:abc: not found',
});
const healthCheck = task({
  stopCode: 'ServiceSchedulerInitiated',
  stoppedReason:
    'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/payments-api-production-b/1)',
});
const crashed = task({
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  containers: [{ name: 'app', exitCode: 1 }],
});
const scaledIn = task({
  stopCode: 'ServiceSchedulerInitiated',
  stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)',
});

describe('classifyStoppedTask', () => {
  it('recognises the four common failures and ignores normal stops', () => {
    expect(classifyStoppedTask(imagePull)).toBe('image-pull-failed');
    expect(classifyStoppedTask(oomStoppedTask('a'))).toBe('out-of-memory');
    expect(classifyStoppedTask(healthCheck)).toBe('health-check-failed');
    expect(classifyStoppedTask(crashed)).toBe('essential-container-exited');
    expect(classifyStoppedTask(scaledIn)).toBeUndefined();
  });
});

describe('proposeFixes', () => {
  it('proposes one fix per failure, most frequent first, with the evidence', () => {
    const fixes = proposeFixes(
      environment({
        stoppedTasks: [
          crashed,
          oomStoppedTask('a'),
          oomStoppedTask('b'),
          scaledIn,
        ],
      }),
    );
    expect(fixes.map(f => f.code)).toEqual([
      'out-of-memory',
      'essential-container-exited',
    ]);
    expect(fixes[0].evidence).toBe(
      '2 stopped tasks of revision 41: OutOfMemoryError: Container killed due to memory usage (exit code 137)',
    );
    expect(fixes[1].steps[0]).toContain('exit code 1');
    expect(fixes[1].steps[0]).toContain('/ecs/payments-api/production');
  });

  it('proposes the image and health check fixes', () => {
    const fixes = proposeFixes(
      environment({ stoppedTasks: [imagePull, healthCheck] }),
    );
    expect(fixes.map(f => f.title)).toEqual([
      'The container image could not be pulled',
      'Tasks failed their health checks',
    ]);
    expect(fixes[0].steps.join(' ')).toContain('ecr:BatchGetImage');
  });

  it('proposes the health check fix from unhealthy targets alone', () => {
    const fixes = proposeFixes(
      environment({
        targets: {
          targetGroupArn: 'arn:tg',
          targetGroupName: 'payments-api-production-b',
          total: 3,
          healthy: 1,
          unhealthy: 2,
          other: 0,
          unhealthyReasons: ['Target.ResponseCodeMismatch'],
        },
      }),
    );
    expect(fixes).toEqual([
      expect.objectContaining({
        code: 'health-check-failed',
        occurrences: 2,
        evidence:
          '2 of 3 targets unhealthy in payments-api-production-b: Target.ResponseCodeMismatch',
      }),
    ]);
  });

  it('proposes nothing for a healthy environment', () => {
    expect(proposeFixes(environment())).toEqual([]);
  });
});
