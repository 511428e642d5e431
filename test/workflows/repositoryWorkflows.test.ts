import fs from 'node:fs';
import path from 'node:path';
import { workflowFindings } from './lib/workflowPolicy';

const workflowsDir = path.resolve(__dirname, '../../.github/workflows');
const files = fs
  .readdirSync(workflowsDir)
  .filter(name => name.endsWith('.yml') || name.endsWith('.yaml'));

describe("this repository's GitHub workflows", () => {
  it('include the CI workflow', () => {
    expect(files).toContain('ci.yml');
  });

  it.each(files)('%s is valid, pinned by SHA and least-privilege', file => {
    const source = fs.readFileSync(path.join(workflowsDir, file), 'utf8');
    expect(workflowFindings(source)).toEqual([]);
  });
});
