/** The `gh api` calls of the reporting steps as GitHub would receive them, checked against its description. */
import {
  githubOperation,
  queryParameterNames,
  requestBodyProblems,
} from './githubOpenApi';
import { GhCall, WorkflowStep } from './runWorkflowStep';

/** One `gh api` call as GitHub would receive it. */
export interface GitHubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: Record<string, unknown>;
}

export function toRequest(call: GhCall): GitHubRequest {
  const at = call.args.indexOf('--method');
  const target = call.args.find(arg => arg.startsWith('repos/')) ?? '';
  const [path, query = ''] = target.split('?');
  return {
    method: at >= 0 ? call.args[at + 1] : 'GET',
    path: `/${path}`,
    query: new URLSearchParams(query),
    body: call.input ? JSON.parse(call.input) : undefined,
  };
}

/** The operationId of a request, from the paths of GitHub's description. */
export function operationOf(request: GitHubRequest): string {
  for (const operationId of [
    'repos/create-deployment',
    'repos/create-deployment-status',
    'repos/list-deployments',
  ]) {
    const { path, method } = githubOperation(operationId);
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (method === request.method && pattern.test(request.path)) {
      return operationId;
    }
  }
  return `${request.method} ${request.path}`;
}

/** Requests GitHub's description does not accept, one problem each. */
export function requestProblems(
  where: string,
  requests: GitHubRequest[],
): string[] {
  return requests.flatMap(request => {
    const operationId = operationOf(request);
    if (!operationId.startsWith('repos/')) {
      return [`${where}: ${operationId} is not a deployment operation`];
    }
    const unknownQuery = [...request.query.keys()].filter(
      name => !queryParameterNames(operationId).includes(name),
    );
    return [
      ...(request.body ? requestBodyProblems(operationId, request.body) : []),
      ...unknownQuery.map(
        name => `${operationId}: unknown query parameter ${name}`,
      ),
    ].map(problem => `${where}: ${problem}`);
  });
}

export const callsGitHub = (step: WorkflowStep) =>
  /\bgh api\b/.test(step.run ?? '');
export const startsRollout = (step: WorkflowStep) =>
  /\baws ecs update-service\b/.test(step.run ?? '') &&
  !/PREVIOUS_TASK_DEFINITION/.test(step.run ?? '');
