import {
  permissionFindings,
  pinningFindings,
  schemaFindings,
  workflowFindings,
} from './workflowPolicy';

const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';

const good = `
name: ok
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${sha} # v4.2.2
      - uses: ./.github/actions/local
      - run: echo hi
`;

describe('workflow policy', () => {
  it('accepts a pinned, permissioned, valid workflow', () => {
    expect(workflowFindings(good)).toEqual([]);
  });

  it('reports schema errors', () => {
    const findings = schemaFindings(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n',
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0].rule).toBe('schema');
  });

  it('rejects tags, short SHAs and pins without a version comment', () => {
    const source = [
      'steps:',
      '  - uses: actions/checkout@v4',
      '  - uses: actions/checkout@11bd719',
      `  - uses: actions/checkout@${sha}`,
      `  - uses: "actions/setup-node@${sha}" # v4.4.0`,
    ].join('\n');
    expect(pinningFindings(source).map(f => f.message)).toEqual([
      'line 2: "actions/checkout@v4" is not pinned to a full commit SHA',
      'line 3: "actions/checkout@11bd719" is not pinned to a full commit SHA',
      `line 4: "actions/checkout@${sha}" needs a version comment such as "# v4.2.2"`,
    ]);
  });

  it('requires permissions on the workflow or on every job', () => {
    const source = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps: [{ run: echo }]
  b:
    runs-on: ubuntu-latest
    steps: [{ run: echo }]
`;
    expect(permissionFindings(source)).toEqual([
      {
        rule: 'permissions',
        message: 'job "b" has no permissions and the workflow sets none',
      },
    ]);
  });
});
