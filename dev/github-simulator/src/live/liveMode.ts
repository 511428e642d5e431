import { hexFrom } from '@zeroops/simulator-kit';
import {
  ZEROOPS_TASK,
  ecsDescription,
  serviceDeploymentArn,
  zeroOpsPayload,
} from '../contract.ts';
import { HistoryBuilder } from '../history/HistoryBuilder.ts';
import { RELEASE_MANAGERS } from '../history/people.ts';
import type { GithubStore } from '../model/GithubStore.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimDeployment, SimWorkflowRun } from '../model/types.ts';
import type { RenderContext } from '../render/context.ts';
import {
  deploymentPayload,
  deploymentStatusPayload,
  workflowRunPayload,
} from '../webhooks/payloads.ts';
import type { WebhookEmitter } from '../webhooks/WebhookEmitter.ts';

/** @public */
export interface LiveMode {
  /** Runs the next step now (tests); the timer keeps its own rhythm. */
  step(): void;
  stop(): void;
  /** Steps taken so far. */
  steps(): number;
}

interface Rollout {
  state: RepositoryState;
  run: SimWorkflowRun;
  deployment?: SimDeployment;
}

/**
 * Keeps a running demo moving without changing what it shows: each rollout re-runs a pull
 * request's preview workflow on the same commit (a re-run, as a developer would after a flaky
 * test), so the `pr-<n>` environment gets a new deployment and the webhooks of every step —
 * `workflow_run`, `deployment`, `deployment_status` — while production and staging keep the
 * SHAs the AWS simulator runs. One step per interval: start, then finish.
 */
export function startLiveMode(input: {
  store: GithubStore;
  render: RenderContext;
  now: () => Date;
  webhooks: WebhookEmitter;
  intervalSeconds: number;
  log: (message: string) => void;
}): LiveMode {
  const { store, render, now, webhooks } = input;
  let current: Rollout | undefined;
  let turn = 0;
  let steps = 0;

  const candidates = (): Rollout[] =>
    store.repositories().flatMap(state =>
      state.runs
        .filter(
          run => run.event === 'pull_request' && run.status === 'completed',
        )
        .filter(run =>
          run.pullRequests.some(n => !state.pulls.get(n)?.closedAt),
        )
        .slice(-1)
        .map(run => ({ state, run })),
    );

  const builderOf = (state: RepositoryState) => {
    const builder = new HistoryBuilder(
      store,
      state,
      `live/${state.fullName}`,
      render.html,
    );
    builder.immediateIds = true;
    return builder;
  };

  const begin = () => {
    const all = candidates();
    if (all.length === 0) return;
    const rollout = all[turn++ % all.length];
    const builder = builderOf(rollout.state);
    builder.rerun(rollout.run, now(), RELEASE_MANAGERS[1]);
    webhooks.emit(
      workflowRunPayload(rollout.state, rollout.run, 'requested', render),
    );
    webhooks.emit(
      workflowRunPayload(rollout.state, rollout.run, 'in_progress', render),
    );
    const environment = `pr-${rollout.run.pullRequests[0]}`;
    rollout.deployment = builder.createDeployment({
      environment,
      sha: rollout.run.headSha,
      ref: rollout.run.headSha,
      task: ZEROOPS_TASK,
      at: now(),
      run: rollout.run,
      description: `Deploy ${rollout.run.headBranch}`,
      payload: zeroOpsPayload(
        rollout.state.repository.name,
        rollout.run.headBranch,
        rollout.run.id,
      ),
    });
    webhooks.emit(deploymentPayload(rollout.state, rollout.deployment, render));
    const status = builder.addStatus(
      rollout.deployment,
      'in_progress',
      now(),
      '',
      builder.runUrl(rollout.run),
    );
    webhooks.emit(
      deploymentStatusPayload(
        rollout.state,
        rollout.deployment,
        status,
        render,
      ),
    );
    current = rollout;
  };

  const finish = (rollout: Rollout) => {
    const builder = builderOf(rollout.state);
    const deployment = rollout.deployment!;
    const arn = serviceDeploymentArn(
      rollout.state.repository.name,
      deployment.environment,
      hexFrom(`live/${deployment.id}`, 22),
    );
    const status = builder.addStatus(
      deployment,
      'success',
      now(),
      ecsDescription(arn),
      builder.runUrl(rollout.run),
    );
    webhooks.emit(
      deploymentStatusPayload(rollout.state, deployment, status, render),
    );
    builder.finishRun(rollout.run, now(), 'success');
    webhooks.emit(
      workflowRunPayload(rollout.state, rollout.run, 'completed', render),
    );
    current = undefined;
  };

  const step = () => {
    steps++;
    if (current) finish(current);
    else begin();
  };

  if (candidates().length === 0) {
    input.log(
      'live mode: no open pull request with a preview environment; nothing to advance',
    );
  }
  const timer = setInterval(step, input.intervalSeconds * 1000);
  timer.unref();
  return {
    step,
    stop: () => clearInterval(timer),
    steps: () => steps,
  };
}
