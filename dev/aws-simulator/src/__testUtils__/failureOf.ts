/** An AWS SDK error as the tests inspect it. */
export type SdkError = Error & {
  $fault?: 'client' | 'server';
  $metadata: { httpStatusCode?: number; attempts?: number };
};

/** The error a call fails with; fails the test when the call succeeds. */
export async function failureOf(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
