import fs from 'node:fs';
import path from 'node:path';
import { versionCommentFindings } from './lib/workflowPolicy';

const workflowsDir = path.resolve(__dirname, '../../.github/workflows');
const files = fs
  .readdirSync(workflowsDir)
  .filter(name => name.endsWith('.yml') || name.endsWith('.yaml'));

// actionlint and zizmor judge these files in test/fieldTools/repositoryWorkflows.test.ts; this is
// the one ZeroOps rule they do not check offline.
describe("this repository's GitHub workflows", () => {
  it.each(files)('%s names the version of every SHA-pinned action', file => {
    const source = fs.readFileSync(path.join(workflowsDir, file), 'utf8');
    expect(versionCommentFindings(source)).toEqual([]);
  });
});
