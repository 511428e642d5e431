import {
  awsCredentialsStep,
  checkoutStep,
  environmentDirectory,
  RUNNER,
  SAME_REPOSITORY_PULL_REQUEST,
  TERRAGRUNT_ENV,
  terraformToolSteps,
  VALIDATE_PR_NUMBER,
} from './steps';
import { markDeploymentsInactiveStep } from './githubDeploymentSteps';
import { Workflow, WorkflowOptions } from './types';

const SELECT_ENVIRONMENTS = `case "$EVENT_NAME" in
  pull_request) candidates="$CLOSED_PR_NUMBER" ;;
  workflow_dispatch) candidates="$REQUESTED_PR_NUMBER" ;;
  schedule)
    # Orphan sweep: every ephemeral service of this repository whose pull request is not open
    # any more (a destroy that failed, a workflow that never ran).
    candidates=""
    services="$(aws ecs list-services --cluster "$ECS_CLUSTER" --query 'serviceArns[]' --output text)"
    for arn in $services; do
      name="\${arn##*/}"
      if [[ "$name" =~ ^$SERVICE_PREFIX-pr-([1-9][0-9]{0,4})$ ]]; then
        number="\${BASH_REMATCH[1]}"
        state="$(gh pr view "$number" --repo "$GITHUB_REPOSITORY" --json state --jq .state || echo UNKNOWN)"
        if [ "$state" = "CLOSED" ] || [ "$state" = "MERGED" ]; then
          candidates="$candidates $number"
        fi
      fi
    done ;;
  *) echo "::error::Unexpected event $EVENT_NAME"; exit 1 ;;
esac
numbers="[]"
for PR_NUMBER in $candidates; do
  ${VALIDATE_PR_NUMBER.split('\n').join('\n  ')}
  numbers="$(jq -c --argjson n "$PR_NUMBER" '. + [$n]' <<< "$numbers")"
done
echo "Environments to destroy: $numbers"
echo "pr_numbers=$numbers" >> "$GITHUB_OUTPUT"`;

const DESTROY = `# root.hcl keys the state by TF_VAR_pr_number (ephemeral/pr-<n>), and this job only ever runs
# in the ephemeral environment folder with the ephemeral account's role.
terragrunt destroy -auto-approve -input=false`;

/**
 * Destroys ephemeral environments: when their pull request closes, nightly for orphans, or by
 * hand. Every path goes through the same destroy job, which can only target `pr-<n>`: the
 * number is validated before anything else runs, the working directory and the role are fixed
 * to the ephemeral environment, and the state key is derived from the number. The job checks
 * out the base branch because the merge ref of a closed pull request no longer exists. Once the
 * environment is gone, its GitHub deployments are marked inactive.
 */
export function cleanupWorkflow(options: WorkflowOptions): Workflow {
  const ephemeral = options.environments.ephemeral;
  return {
    name: 'Clean up ephemeral environments',
    on: {
      pull_request: { types: ['closed'] },
      schedule: [{ cron: '17 3 * * *' }],
      workflow_dispatch: {
        inputs: {
          pr_number: {
            description:
              'Number of the pull request whose pr-<n> environment to destroy',
            required: true,
            type: 'number',
          },
        },
      },
    },
    permissions: {},
    defaults: { run: { shell: 'bash' } },
    jobs: {
      select: {
        name: 'Select environments to destroy',
        'runs-on': RUNNER,
        if: `github.event_name != 'pull_request' || (${SAME_REPOSITORY_PULL_REQUEST} && startsWith(github.head_ref, 'feature/'))`,
        environment: { name: 'ephemeral' },
        // One selection per pull request (or one nightly sweep) at a time.
        concurrency: {
          group:
            "ephemeral-cleanup-${{ github.event.pull_request.number || inputs.pr_number || 'sweep' }}",
          'cancel-in-progress': false,
        },
        permissions: {
          contents: 'read',
          'pull-requests': 'read',
          'id-token': 'write',
        },
        'timeout-minutes': 10,
        outputs: { pr_numbers: '${{ steps.select.outputs.pr_numbers }}' },
        env: {
          ECS_CLUSTER: ephemeral.ecsCluster,
          SERVICE_PREFIX: options.ecsServiceName,
        },
        steps: [
          {
            // Only the nightly sweep lists the cluster; closed pull requests need no AWS call.
            if: "github.event_name == 'schedule'",
            ...awsCredentialsStep(options, 'ephemeral'),
          },
          {
            name: 'Select pr-<n> environments',
            id: 'select',
            env: {
              EVENT_NAME: '${{ github.event_name }}',
              CLOSED_PR_NUMBER: '${{ github.event.pull_request.number }}',
              REQUESTED_PR_NUMBER: '${{ inputs.pr_number }}',
              GH_TOKEN: '${{ github.token }}',
            },
            run: SELECT_ENVIRONMENTS,
          },
        ],
      },
      destroy: {
        name: 'Destroy pr-${{ matrix.pr_number }}',
        'runs-on': RUNNER,
        needs: 'select',
        if: "needs.select.outputs.pr_numbers != '[]'",
        strategy: {
          matrix: {
            pr_number: '${{ fromJSON(needs.select.outputs.pr_numbers) }}',
          },
          'fail-fast': false,
          'max-parallel': 2,
        },
        concurrency: {
          group: 'ephemeral-pr-${{ matrix.pr_number }}',
          'cancel-in-progress': false,
        },
        environment: { name: 'ephemeral' },
        permissions: {
          contents: 'read',
          deployments: 'write',
          'id-token': 'write',
        },
        'timeout-minutes': 60,
        env: {
          PR_NUMBER: '${{ matrix.pr_number }}',
          TF_VAR_pr_number: '${{ matrix.pr_number }}',
          TF_VAR_image_tag: 'destroy',
          ...TERRAGRUNT_ENV,
        },
        steps: [
          { name: 'Refuse anything but pr-<n>', run: VALIDATE_PR_NUMBER },
          checkoutStep(
            '${{ github.event.pull_request.base.ref || github.event.repository.default_branch }}',
          ),
          awsCredentialsStep(options, 'ephemeral'),
          ...terraformToolSteps(options),
          {
            name: 'Destroy the environment',
            'working-directory': environmentDirectory(options, 'ephemeral'),
            run: DESTROY,
          },
          markDeploymentsInactiveStep(),
        ],
      },
    },
  };
}
