import { versionCommentFindings } from './workflowPolicy';

const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';

describe('workflow policy', () => {
  it('requires a version comment on every SHA pin', () => {
    const source = [
      'steps:',
      `  - uses: actions/checkout@${sha} # v4.2.2`,
      `  - uses: actions/checkout@${sha}`,
      `  - uses: "actions/setup-node@${sha}" # v4.4.0`,
      `  - uses: actions/cache@${sha} # pinned`,
      '  - uses: ./.github/actions/local',
    ].join('\n');
    expect(versionCommentFindings(source).map(f => f.message)).toEqual([
      `line 3: "actions/checkout@${sha}" needs a version comment such as "# v4.2.2"`,
      `line 5: "actions/cache@${sha}" needs a version comment such as "# v4.2.2"`,
    ]);
  });

  it('leaves tags and short SHAs to zizmor', () => {
    const source = [
      'steps:',
      '  - uses: actions/checkout@v4',
      '  - uses: actions/checkout@11bd719',
    ].join('\n');
    expect(versionCommentFindings(source)).toEqual([]);
  });
});
