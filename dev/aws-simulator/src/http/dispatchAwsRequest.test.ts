import { ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { clients } from '../__testUtils__/clients.ts';
import { failureOf } from '../__testUtils__/failureOf.ts';
import { fakeSigV4Headers, rawRequest } from '../__testUtils__/rawRequest.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('request dispatch', () => {
  const demo = useSimulator();

  it('rejects an unsigned JSON request like AWS, without counting it', async () => {
    const response = await rawRequest(demo.simulator.url, {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListServices',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
    expect(demo.simulator.callCount()).toBe(0);
  });

  it('rejects an unsigned awsQuery request with the XML error shape', async () => {
    const response = await rawRequest(demo.simulator.url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(response.body).toContain('<Type>Sender</Type>');
  });

  it('rejects a malformed Authorization header', async () => {
    const response = await rawRequest(demo.simulator.url, {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListServices',
        authorization: 'Bearer nope',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe(
      'IncompleteSignatureException',
    );
  });

  it('answers operations it does not simulate with the real error shapes, never a 200', async () => {
    const ecsError = await failureOf(
      clients.ecs(demo.simulator).send(new ListClustersCommand({})),
    );
    expect(ecsError).toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    });

    const elbError = await failureOf(
      clients.elbv2(demo.simulator).send(new DescribeLoadBalancersCommand({})),
    );
    expect(elbError).toMatchObject({
      name: 'InvalidAction',
      $metadata: { httpStatusCode: 400 },
    });

    const cfError = await failureOf(
      clients.cloudfront(demo.simulator).send(new ListDistributionsCommand({})),
    );
    expect(cfError).toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers a service it does not simulate with UnknownOperationException', async () => {
    const response = await rawRequest(demo.simulator.url, {
      method: 'POST',
      path: '/',
      headers: {
        ...fakeSigV4Headers('dynamodb'),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('UnknownOperationException');
  });

  it('serves a well-formed but unverified signature: no real credential is needed', async () => {
    const response = await rawRequest(demo.simulator.url, {
      method: 'POST',
      path: '/',
      headers: {
        ...fakeSigV4Headers('ecs', 'ASIA111111111111ABCD'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListServices',
      },
      body: JSON.stringify({ cluster: 'zeroops-production', maxResults: 100 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(response.body).serviceArns).toHaveLength(3);
    expect(
      demo.simulator.callCount({
        operation: 'ListServices',
        account: '111111111111',
      }),
    ).toBe(1);
  });
});
