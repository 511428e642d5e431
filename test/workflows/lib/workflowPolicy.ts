/** One problem found in a workflow file, phrased for the person who has to fix it. */
export interface WorkflowFinding {
  rule: string;
  message: string;
}

const FULL_SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;

/**
 * Every action pinned to a commit SHA must name its version in a comment (`# v4.2.2`), so a
 * reviewer and Dependabot can tell what the SHA is. zizmor (unpinned-uses, pedantic persona)
 * already rejects tags and short SHAs, and actionlint validates the syntax, permissions and
 * expressions (test/fieldTools/repositoryWorkflows.test.ts); offline, neither asks for the version
 * comment, so that is the one rule left here.
 */
export function versionCommentFindings(source: string): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  source.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(#.*)?$/.exec(
      line,
    );
    if (!match) return;
    const [, , target, comment] = match;
    if (!FULL_SHA_PIN.test(target)) return;
    if (!comment || !/#\s*v?\d/.test(comment)) {
      findings.push({
        rule: 'pinned-sha',
        message: `line ${
          index + 1
        }: "${target}" needs a version comment such as "# v4.2.2"`,
      });
    }
  });
  return findings;
}
