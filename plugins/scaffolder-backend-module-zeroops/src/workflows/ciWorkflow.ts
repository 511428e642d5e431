import { PINNED_ACTIONS, usesOf } from './pinnedActions';
import { RUNNER, checkoutStep, testJob } from './steps';
import { Workflow, WorkflowOptions } from './types';

/**
 * CI and security scanning on every pull request and on the deploy branches: tests, Trivy scans
 * of the image and of the configuration (Dockerfile, compose, Terraform), CodeQL. None of these
 * jobs touch AWS, so they also run for pull requests from forks, with a read-only token.
 */
export function ciWorkflow(options: WorkflowOptions): Workflow {
  return {
    name: 'CI',
    on: {
      pull_request: {},
      push: { branches: ['main', 'staging'] },
    },
    permissions: {},
    concurrency: {
      group: 'ci-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': true,
    },
    defaults: { run: { shell: 'bash' } },
    jobs: {
      test: testJob(options),
      'security-scan': {
        name: 'Trivy image and configuration scan',
        'runs-on': RUNNER,
        permissions: { contents: 'read' },
        'timeout-minutes': 20,
        env: {
          DOCKERFILE: options.dockerfile,
          DOCKER_CONTEXT: options.dockerContext,
          IMAGE: `ci/${options.serviceName}:\${{ github.sha }}`,
        },
        steps: [
          checkoutStep(),
          {
            name: 'Build the image',
            run: 'docker build --file "$DOCKERFILE" --tag "$IMAGE" "$DOCKER_CONTEXT"',
          },
          {
            name: 'Scan the image for vulnerabilities',
            uses: usesOf(PINNED_ACTIONS.trivy),
            with: {
              'image-ref': `ci/${options.serviceName}:\${{ github.sha }}`,
              'exit-code': '1',
              severity: 'CRITICAL,HIGH',
              'ignore-unfixed': true,
            },
          },
          {
            name: 'Scan Dockerfile, compose files and Terraform for misconfigurations',
            uses: usesOf(PINNED_ACTIONS.trivy),
            with: {
              'scan-type': 'config',
              'scan-ref': '.',
              'exit-code': '1',
              severity: 'CRITICAL,HIGH',
            },
          },
        ],
      },
      codeql: {
        name: 'CodeQL',
        'runs-on': RUNNER,
        permissions: {
          contents: 'read',
          actions: 'read',
          'security-events': 'write',
        },
        'timeout-minutes': 30,
        steps: [
          checkoutStep(),
          {
            name: 'Initialize CodeQL',
            uses: usesOf(PINNED_ACTIONS.codeqlInit),
            with: {
              languages: options.codeqlLanguages.join(','),
              'build-mode': 'none',
            },
          },
          {
            name: 'Analyze',
            uses: usesOf(PINNED_ACTIONS.codeqlAnalyze),
          },
        ],
      },
    },
  };
}
