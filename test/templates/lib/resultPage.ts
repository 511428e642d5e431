import { AWS_PRICE_TABLES } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ScenarioGeneration } from './scenarios';

/** The text sections of a template's result page. */
export interface ResultPageOutput {
  text?: Array<{ title: string; content: string }>;
}

/** Commands the result page and the README give to protect the GitHub environments. */
const PROTECTION_COMMANDS = [
  'TEAM_ID=$(gh api orgs/OWNER/teams/team-checkout --jq .id)',
  'gh api -X PUT repos/OWNER/REPO/environments/production --input -',
  '"reviewers": [{"type": "Team", "id": $TEAM_ID}]',
  "environments/production/deployment-branch-policies -f name='hotfix/*' -f type=branch",
  'environments/production/deployment-branch-policies -f name=main -f type=branch',
  'environments/staging/deployment-branch-policies -f name=staging -f type=branch',
];

/**
 * What the result page (and, for a locally created service, its README) must say: the cost
 * estimate from the chosen region's dated prices, or plainly that the region has none, never
 * "$∞" or "NaN"; and how to protect the GitHub environments when GitHub did not create them.
 * Returns the problems, empty when all is said.
 */
export async function checkResultPage(
  generation: ScenarioGeneration,
  output: ResultPageOutput,
  root: string,
): Promise<string[]> {
  const problems: string[] = [];
  const section = (title: string) =>
    output.text?.find(t => t.title === title)?.content ?? '';
  const cost = section('Estimated monthly cost');
  const region = generation.costRegion;
  if (/∞|NaN/.test(cost)) problems.push(`cost shows ∞ or NaN: ${cost}`);
  if (!region) {
    if (cost !== '') problems.push(`unexpected cost section: ${cost}`);
  } else if (!AWS_PRICE_TABLES[region]) {
    if (
      !cost.startsWith(`**No cost estimate for ${region}**`) ||
      /\$\d/.test(cost)
    )
      problems.push(`cost for ${region} (no price table): ${cost}`);
  } else if (
    !new RegExp(
      `^\\*\\*Estimated monthly cost: \\$\\d[\\d,]*\\.\\d\\d\\*\\* — ${region} list prices as of \\d{4}-\\d\\d`,
    ).test(cost)
  ) {
    problems.push(`cost is not a ${region} estimate: ${cost.slice(0, 200)}`);
  }

  if (
    generation.template === 'zeroops-service' &&
    generation.values.target === 'local'
  ) {
    const protect = section('Protect the GitHub environments');
    const readme = await fs.readFile(path.join(root, 'README.md'), 'utf8');
    if (!readme.includes('## Protect the GitHub environments'))
      problems.push('README: no "Protect the GitHub environments" section');
    for (const command of PROTECTION_COMMANDS) {
      if (!protect.includes(command))
        problems.push(`result page: missing ${command}`);
      if (!readme.includes(command))
        problems.push(`README: missing ${command}`);
    }
  }
  if (generation.template === 'zeroops-adopt') {
    // The repository exists on GitHub: the commands name it.
    const protect = section('Protect the GitHub environments');
    for (const command of [
      'TEAM_ID=$(gh api orgs/zeroops-demo/teams/TEAM --jq .id)',
      'gh api -X PUT repos/zeroops-demo/orders-worker/environments/production --input -',
      '"reviewers": [{"type": "Team", "id": $TEAM_ID}]',
      "repos/zeroops-demo/orders-worker/environments/production/deployment-branch-policies -f name='hotfix/*' -f type=branch",
      'repos/zeroops-demo/orders-worker/environments/staging/deployment-branch-policies -f name=staging -f type=branch',
    ]) {
      if (!protect.includes(command))
        problems.push(`result page: missing ${command}`);
    }
  }
  return problems;
}
