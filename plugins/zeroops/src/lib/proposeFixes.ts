import {
  EntityEnvironment,
  StoppedTask,
} from '@zeroops/backstage-plugin-zeroops-common';

/** The common ECS failures a fix is proposed for. */
export type FailureCode =
  | 'image-pull-failed'
  | 'out-of-memory'
  | 'health-check-failed'
  | 'essential-container-exited';

/** A failure recognised in what ECS reported, with what to do about it. */
export interface ProposedFix {
  code: FailureCode;
  title: string;
  /** What was seen: how many tasks, which reason, which exit code. */
  evidence: string;
  /** Stopped tasks (or, for health checks, unhealthy targets) showing the failure. */
  occurrences: number;
  steps: string[];
  docsUrl: string;
}

const IMAGE_PULL_PATTERN =
  /CannotPullContainerError|pull image|unable to pull|ImagePull|failed to resolve ref/i;
const OUT_OF_MEMORY_PATTERN = /OutOfMemory/i;
const HEALTH_CHECK_PATTERN = /health ?check/i;

function taskTexts(task: StoppedTask): string[] {
  return [
    task.stoppedReason ?? '',
    ...task.containers.map(container => container.reason ?? ''),
  ];
}

/** The one failure a stopped task shows, most specific first; undefined for normal stops. */
export function classifyStoppedTask(
  task: StoppedTask,
): FailureCode | undefined {
  const texts = taskTexts(task);
  if (texts.some(text => IMAGE_PULL_PATTERN.test(text))) {
    return 'image-pull-failed';
  }
  if (texts.some(text => OUT_OF_MEMORY_PATTERN.test(text))) {
    return 'out-of-memory';
  }
  if (HEALTH_CHECK_PATTERN.test(task.stoppedReason ?? '')) {
    return 'health-check-failed';
  }
  if (task.stopCode === 'EssentialContainerExited') {
    return 'essential-container-exited';
  }
  return undefined;
}

function describeTasks(tasks: StoppedTask[]): string {
  const revisions = [
    ...new Set(
      tasks
        .map(task => task.taskDefinitionRevision)
        .filter((r): r is number => r !== undefined),
    ),
  ];
  const count = `${tasks.length} stopped task${tasks.length === 1 ? '' : 's'}`;
  const revisionText = revisions.length
    ? ` of revision ${revisions.join(', ')}`
    : '';
  const example = tasks[0];
  const container =
    example.containers.find(c => c.reason || c.exitCode !== undefined) ??
    example.containers[0];
  const reason = container?.reason ?? example.stoppedReason ?? 'no reason';
  const exitCode =
    container?.exitCode !== undefined
      ? ` (exit code ${container.exitCode})`
      : '';
  return `${count}${revisionText}: ${reason}${exitCode}`;
}

function exitCodeOf(tasks: StoppedTask[]): number | undefined {
  for (const task of tasks) {
    for (const container of task.containers) {
      if (container.exitCode !== undefined) return container.exitCode;
    }
  }
  return undefined;
}

function fixFor(
  code: FailureCode,
  environment: EntityEnvironment,
  seen: { evidence: string; occurrences: number; exitCode?: number },
): ProposedFix {
  const { evidence, occurrences } = seen;
  const service = environment.location.ecsServiceName;
  switch (code) {
    case 'image-pull-failed':
      return {
        code,
        title: 'The container image could not be pulled',
        evidence,
        occurrences,
        steps: [
          'Check that the image tag exists in ECR: the ZeroOps workflows push the image tagged with the commit SHA before deploying, so a deployment of a commit whose build failed has no image.',
          'Check that the task execution role may pull from ECR (ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer).',
          "Check that the tasks' subnets reach ECR: through the NAT gateway or the ECR and S3 VPC endpoints.",
        ],
        docsUrl:
          'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html',
      };
    case 'out-of-memory':
      return {
        code,
        title: 'Tasks ran out of memory',
        evidence,
        occurrences,
        steps: [
          `Give the task more memory (memoryGb in the ${environment.platformEnvironment} environment of the service's infrastructure) or lower the process's own limit (for Node.js, NODE_OPTIONS=--max-old-space-size).`,
          'Look at the memory-high alarm and the memory graph: memory that grows steadily until the kill is a leak, a spike at startup is a sizing problem.',
          'Redeploy: ECS keeps running the previous revision until a new one is healthy.',
        ],
        docsUrl:
          'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html',
      };
    case 'health-check-failed':
      return {
        code,
        title: 'Tasks failed their health checks',
        evidence,
        occurrences,
        steps: [
          `Make sure ${service} answers 200 on its health path (/healthz in ZeroOps services) on the container port, within the health check timeout.`,
          'If the service needs longer to start, raise the health check grace period of the ECS service.',
          "Check that the service's security group lets the load balancer reach the container port.",
        ],
        docsUrl:
          'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html',
      };
    case 'essential-container-exited':
    default: {
      const exitCode = seen.exitCode;
      return {
        code: 'essential-container-exited',
        title: 'The application container exited',
        evidence,
        occurrences,
        steps: [
          `Read the container's last log lines in CloudWatch Logs${
            environment.links.logGroup ? ` (${environment.links.logGroup})` : ''
          }: they say why the process stopped${
            exitCode !== undefined ? ` with exit code ${exitCode}` : ''
          }.`,
          'An exit right after start is usually a missing environment variable or secret, or a database or cache that cannot be reached.',
          'Run the same image locally with docker compose (docker/docker-compose.yml) to reproduce it.',
        ],
        docsUrl:
          'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html',
      };
    }
  }
}

/**
 * Fixes for the common failures visible in an environment's stopped tasks and target health,
 * most frequent first: image pull failure, out of memory, failed health checks, and an essential
 * container that exited. Tasks stopped by a deployment or scale-in propose nothing.
 */
export function proposeFixes(environment: EntityEnvironment): ProposedFix[] {
  const byCode = new Map<FailureCode, StoppedTask[]>();
  for (const task of environment.stoppedTasks) {
    const code = classifyStoppedTask(task);
    if (!code) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), task]);
  }
  const fixes = [...byCode.entries()].map(([code, tasks]) =>
    fixFor(code, environment, {
      evidence: describeTasks(tasks),
      occurrences: tasks.length,
      exitCode: exitCodeOf(tasks),
    }),
  );

  // Unhealthy targets without a stopped task to show for it (yet): the tasks still run.
  const targets = environment.targets;
  if (targets && targets.unhealthy > 0 && !byCode.has('health-check-failed')) {
    fixes.push(
      fixFor('health-check-failed', environment, {
        evidence: `${targets.unhealthy} of ${
          targets.total
        } targets unhealthy in ${targets.targetGroupName}${
          targets.unhealthyReasons.length
            ? `: ${targets.unhealthyReasons.join(', ')}`
            : ''
        }`,
        occurrences: targets.unhealthy,
      }),
    );
  }
  return fixes.sort((a, b) => b.occurrences - a.occurrences);
}
