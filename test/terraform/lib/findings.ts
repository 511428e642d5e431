/** One problem found by an offline Terraform check. */
export interface Finding {
  /** Rule or check that produced it: `schema`, `reference`, `CKV_AWS_96`, ... */
  rule: string;
  /** Module directory or file the problem is in. */
  location: string;
  /** Terraform address of the offending block, such as `aws_rds_cluster.this`. */
  address?: string;
  message: string;
}

/** One line per finding, for test failure messages a reader can act on. */
export function formatFindings(findings: Finding[]): string {
  return findings
    .map(
      f =>
        `${f.rule}: ${f.location}${f.address ? ` ${f.address}` : ''}: ${
          f.message
        }`,
    )
    .join('\n');
}
