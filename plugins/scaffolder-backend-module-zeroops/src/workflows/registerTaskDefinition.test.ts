import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import {
  createActionTestContext,
  createWorkspace,
} from '../__testUtils__/actionTestContext';
import { createWorkflowsGenerateAction } from '../actions/workflowsGenerate';

interface Step {
  name: string;
  run?: string;
}

/** The "Register the task definition" script of a generated deploy workflow. */
async function registerScript(workflowName: string): Promise<string> {
  const action = createWorkflowsGenerateAction();
  const workspacePath = await createWorkspace();
  const { ctx } = createActionTestContext(action, {
    workspacePath,
    input: {
      serviceName: 'payments-api',
      environments: {
        production: { accountId: '111111111111' },
        staging: { accountId: '222222222222' },
        ephemeral: { accountId: '222222222222' },
      },
    },
  });
  await action.handler(ctx);
  const workflow = YAML.parse(
    await fs.readFile(
      path.join(workspacePath, '.github', 'workflows', workflowName),
      'utf8',
    ),
  ) as { jobs: Record<string, { steps: Step[] }> };
  const step = Object.values(workflow.jobs)
    .flatMap(job => job.steps)
    .find(s => s.name === 'Register the task definition');
  if (!step?.run) throw new Error(`no register step in ${workflowName}`);
  return step.run;
}

// A stand-in for the AWS CLI: answers the two ECS reads the step makes and records what it is
// asked to register, so the test sees exactly the request AWS would authorize.
const FAKE_AWS = `#!/usr/bin/env bash
set -euo pipefail
case "$2" in
  describe-services) echo "arn:aws:ecs:us-east-1:222222222222:task-definition/payments-api-staging:7" ;;
  describe-task-definition)
    [[ " $* " == *" --include TAGS "* ]] || { echo '{"taskDefinition":'"$(cat "$FIXTURE_DIR/taskdef.json")"'}'; exit 0; }
    echo '{"taskDefinition":'"$(cat "$FIXTURE_DIR/taskdef.json")"',"tags":[{"key":"zeroops:service","value":"payments-api"},{"key":"zeroops:environment","value":"staging"}]}' ;;
  register-task-definition)
    cp "\${4#file://}" "$FIXTURE_DIR/registered.json"
    echo "arn:aws:ecs:us-east-1:222222222222:task-definition/payments-api-staging:8" ;;
  *) echo "unexpected aws $*" >&2; exit 1 ;;
esac
`;

describe('the generated deploy step that registers the task definition', () => {
  it.each(['deploy-staging.yml', 'deploy-production.yml', 'ephemeral-pr.yml'])(
    '%s registers the new image with the tags the deploy role requires',
    async workflowName => {
      const script = await registerScript(workflowName);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-taskdef-'));
      await fs.mkdir(path.join(dir, 'bin'));
      await fs.writeFile(path.join(dir, 'bin', 'aws'), FAKE_AWS, {
        mode: 0o755,
      });
      await fs.writeFile(
        path.join(dir, 'taskdef.json'),
        JSON.stringify({
          taskDefinitionArn:
            'arn:aws:ecs:us-east-1:222222222222:task-definition/payments-api-staging:7',
          family: 'payments-api-staging',
          revision: 7,
          status: 'ACTIVE',
          containerDefinitions: [
            { name: 'app', image: 'old:sha' },
            { name: 'log-router', image: 'fluent-bit:2' },
          ],
        }),
      );
      execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: dir,
        env: {
          PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
          FIXTURE_DIR: dir,
          GITHUB_OUTPUT: path.join(dir, 'output'),
          ECS_CLUSTER: 'zeroops-staging',
          ECS_SERVICE: 'payments-api',
          IMAGE: '123.dkr.ecr.us-east-1.amazonaws.com/payments-api:abc',
        },
      });
      const registered = JSON.parse(
        await fs.readFile(path.join(dir, 'registered.json'), 'utf8'),
      );
      expect(registered).toEqual({
        family: 'payments-api-staging',
        containerDefinitions: [
          {
            name: 'app',
            image: '123.dkr.ecr.us-east-1.amazonaws.com/payments-api:abc',
          },
          { name: 'log-router', image: 'fluent-bit:2' },
        ],
        tags: [
          { key: 'zeroops:service', value: 'payments-api' },
          { key: 'zeroops:environment', value: 'staging' },
        ],
      });
      await fs.rm(dir, { recursive: true, force: true });
    },
  );
});
