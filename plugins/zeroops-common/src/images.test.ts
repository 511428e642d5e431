import { commitShaFromImage } from './images';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('commitShaFromImage', () => {
  it('reads a full SHA tag from an ECR image', () => {
    expect(
      commitShaFromImage(
        `111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:${SHA}`,
      ),
    ).toBe(SHA);
  });

  it('ignores a digest after the tag', () => {
    expect(
      commitShaFromImage(`registry:5000/payments-api:${SHA}@sha256:abcd`),
    ).toBe(SHA);
  });

  it('does not mistake a registry port or other tags for a commit', () => {
    expect(commitShaFromImage('registry:5000/payments-api')).toBeUndefined();
    expect(commitShaFromImage('payments-api:latest')).toBeUndefined();
    expect(commitShaFromImage('payments-api:0123456')).toBeUndefined();
    expect(commitShaFromImage('payments-api@sha256:abcd')).toBeUndefined();
  });
});
