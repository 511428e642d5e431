import {
  githubOperation,
  queryParameterNames,
  requestBodyProblems,
} from './githubOpenApi';

describe("GitHub's OpenAPI description as the judge of our requests", () => {
  it('finds the deployment operations where GitHub documents them', () => {
    expect(githubOperation('repos/create-deployment')).toMatchObject({
      method: 'POST',
      path: '/repos/{owner}/{repo}/deployments',
    });
    expect(githubOperation('repos/create-deployment-status')).toMatchObject({
      method: 'POST',
      path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    });
    expect(queryParameterNames('repos/list-deployments')).toEqual(
      expect.arrayContaining(['environment', 'task', 'per_page', 'page']),
    );
  });

  it('accepts a deployment with an open payload', () => {
    expect(
      requestBodyProblems('repos/create-deployment', {
        ref: 'main',
        environment: 'pr-7',
        transient_environment: true,
        payload: { service: 'payments-api', anything: { nested: 1 } },
      }),
    ).toEqual([]);
  });

  it('rejects a misspelt field, which GitHub itself would silently drop', () => {
    expect(
      requestBodyProblems('repos/create-deployment', {
        ref: 'main',
        transient_enviroment: true,
      }),
    ).toEqual([
      'repos/create-deployment: body must NOT have additional properties (transient_enviroment)',
    ]);
  });

  it('rejects a wrong type, a missing required field and an unknown state', () => {
    expect(
      requestBodyProblems('repos/create-deployment', {
        ref: 'main',
        auto_merge: 'false',
      }),
    ).toEqual(['repos/create-deployment: /auto_merge must be boolean']);
    expect(
      requestBodyProblems('repos/create-deployment-status', {
        description: 'x',
      }),
    ).toEqual([
      "repos/create-deployment-status: body must have required property 'state'",
    ]);
    expect(
      requestBodyProblems('repos/create-deployment-status', {
        state: 'succeeded',
      }),
    ).toEqual([
      'repos/create-deployment-status: /state must be equal to one of the allowed values',
    ]);
  });
});
