import { ResponseError } from '@backstage/errors';
import { ZeroOpsApiErrorCode } from '@zeroops/backstage-plugin-zeroops-common';
import { describeError } from './describeError';

/** What the client throws for a backend error answer. */
function backendError(
  status: number,
  message: string,
  code?: ZeroOpsApiErrorCode | string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message, ...(code && { code }) },
        request: { method: 'GET', url: '/' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

describe('describeError', () => {
  it('reads a missing annotation from the code, whatever the message says', async () => {
    expect(
      describeError(
        await backendError(
          404,
          'Le service n’a pas d’annotation',
          'annotation-missing',
        ),
      ),
    ).toEqual({
      kind: 'missing-annotation',
      message: 'Le service n’a pas d’annotation',
      status: 404,
    });
  });

  it('does not take a message that names the annotation for the code', async () => {
    const described = describeError(
      await backendError(
        404,
        'Entity component:default/gone not found (it had a zeroops.io/service-name annotation)',
        'entity-not-found',
      ),
    );
    expect(described.kind).toBe('not-found');
  });

  it('reads a refusal from the code', async () => {
    expect(
      describeError(await backendError(403, 'Nope', 'not-allowed')).kind,
    ).toBe('permission-denied');
  });

  it('treats an unknown code as no code', async () => {
    const described = describeError(
      await backendError(404, 'Gone', 'some-future-code'),
    );
    expect(described).toEqual({
      kind: 'not-found',
      message: 'Gone',
      status: 404,
    });
  });

  it('explains a failure that is not a backend answer by its message', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      kind: 'failed',
      message: 'Failed to fetch',
    });
  });
});
