/**
 * Every third-party action the generated workflows use, pinned to a full commit SHA. Tags can be
 * force-pushed (tj-actions/changed-files in 2025, trivy-action in March 2026), commits cannot.
 * This is the one place to update when bumping an action: the generator writes
 * `uses: <repository>@<sha> # <version>` from this table.
 *
 * @public
 */
export interface PinnedAction {
  /** `owner/repo` or `owner/repo/path` of the action. */
  repository: string;
  /** Full 40-character commit SHA the version tag pointed at when it was reviewed. */
  sha: string;
  /** The release the SHA belongs to, written as a comment for humans and Dependabot. */
  version: string;
}

const CODEQL_SHA = 'b7351df727350dca84cb9d725d57dcf5bc82ba26';

/**
 * The pinned actions, by the role they play in the generated workflows.
 *
 * @public
 */
export const PINNED_ACTIONS = {
  checkout: {
    repository: 'actions/checkout',
    sha: '11bd71901bbe5b1630ceea73d27597364c9af683',
    version: 'v4.2.2',
  },
  setupNode: {
    repository: 'actions/setup-node',
    sha: '49933ea5288caeca8642d1e84afbd3f7d6820020',
    version: 'v4.4.0',
  },
  configureAwsCredentials: {
    repository: 'aws-actions/configure-aws-credentials',
    sha: 'b47578312673ae6fa5b5096b330d9fbac3d116df',
    version: 'v4.2.1',
  },
  amazonEcrLogin: {
    repository: 'aws-actions/amazon-ecr-login',
    sha: '062b18b96a7aff071d4dc91bc00c4c1a7945b076',
    version: 'v2.0.1',
  },
  setupTerraform: {
    repository: 'hashicorp/setup-terraform',
    sha: 'b9cd54a3c349d3f38e8881555d616ced269862dd',
    version: 'v3.1.2',
  },
  setupTerragrunt: {
    repository: 'gruntwork-io/terragrunt-action',
    sha: '53dbdc2c3d43e82bf3bae10b734a968196442bec',
    version: 'v3.2.0',
  },
  trivy: {
    repository: 'aquasecurity/trivy-action',
    sha: 'ed142fd0673e97e23eac54620cfb913e5ce36c25',
    version: 'v0.36.0',
  },
  codeqlInit: {
    repository: 'github/codeql-action/init',
    sha: CODEQL_SHA,
    version: 'v3.37.1',
  },
  codeqlAnalyze: {
    repository: 'github/codeql-action/analyze',
    sha: CODEQL_SHA,
    version: 'v3.37.1',
  },
} as const satisfies Record<string, PinnedAction>;

/** The `uses:` value of a pinned action (the version comment is added when writing YAML). */
export function usesOf(action: PinnedAction): string {
  return `${action.repository}@${action.sha}`;
}

/** Appends `# <version>` to every `uses:` line that refers to a pinned action. */
export function addVersionComments(yamlText: string): string {
  const versions = new Map(
    Object.values(PINNED_ACTIONS).map(a => [usesOf(a), a.version]),
  );
  return yamlText.replace(
    /^(\s*(?:-\s+)?uses:\s+)(\S+)$/gm,
    (line, prefix: string, uses: string) => {
      const version = versions.get(uses);
      return version ? `${prefix}${uses} # ${version}` : line;
    },
  );
}
