const COMMIT_SHA_PATTERN = /^[0-9a-f]{40}$/;

/**
 * The git commit SHA of a container image reference whose tag is the full 40-hex SHA (the
 * ZeroOps workflows tag every image that way), e.g.
 * `111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:<sha>`. Digests (`@sha256:`)
 * and other tags give undefined.
 *
 * @public
 */
export function commitShaFromImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  // A colon before the last slash is a registry port, not a tag.
  if (lastColon <= lastSlash) return undefined;
  const tag = withoutDigest.slice(lastColon + 1).toLowerCase();
  return COMMIT_SHA_PATTERN.test(tag) ? tag : undefined;
}
