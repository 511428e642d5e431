import { generateWorkflowFiles } from './generateWorkflowFiles';
import { PERMISSION_REASONS } from './permissionReasons';
import { WorkflowOptions } from './types';

const target = (env: string) => ({
  accountId: '111111111111',
  roleName: `payments-api-github-${env}`,
  ecsCluster: `zeroops-${env}`,
});

const options: WorkflowOptions = {
  serviceName: 'payments-api',
  awsRegion: 'eu-central-1',
  environments: {
    production: target('production'),
    staging: target('staging'),
    ephemeral: target('ephemeral'),
  },
  ecrRepository: 'payments-api',
  ecsServiceName: 'payments-api',
  nodeVersion: '24',
  installCommand: 'npm ci',
  testCommand: 'npm test',
  deploymentStrategy: 'blue-green',
  healthCheckPath: '/healthz',
  migrationCommand: ['npm', 'run', 'migrate'],
  dockerfile: 'docker/Dockerfile',
  dockerContext: '.',
  infrastructureDirectory: 'infrastructure',
  codeqlLanguages: ['javascript-typescript'],
  terraformVersion: '1.12.2',
  terragruntVersion: '0.77.22',
};

/** Every `name: level` line inside a `permissions:` block, with its trailing comment. */
function permissionLines(yamlText: string): string[] {
  const lines = yamlText.split('\n');
  const found: string[] = [];
  lines.forEach((line, index) => {
    const block = /^(\s*)permissions:\s*$/.exec(line);
    if (!block) return;
    for (const entry of lines.slice(index + 1)) {
      if (!entry.startsWith(`${block[1]}  `)) break;
      found.push(entry.trim());
    }
  });
  return found;
}

describe('permission comments of the generated workflows', () => {
  const workflows = [...generateWorkflowFiles(options)].filter(([file]) =>
    file.endsWith('.yml'),
  );

  it('explain every grant beyond contents: read on its own line', () => {
    const grants = workflows.flatMap(([, text]) => permissionLines(text));
    expect(grants).toContain('contents: read');
    const explained = grants.filter(grant => grant !== 'contents: read');
    expect(explained.length).toBeGreaterThanOrEqual(6);
    for (const line of explained) {
      const [grant, reason] = line.split(' # ');
      expect({ grant, reason }).toEqual({
        grant,
        reason: PERMISSION_REASONS[grant],
      });
      expect(reason).toBeTruthy();
    }
  });

  it('give the deploy jobs OIDC and GitHub deployments and nothing else to write', () => {
    const production = workflows.find(
      ([file]) => file === '.github/workflows/deploy-production.yml',
    )?.[1];
    expect(permissionLines(production ?? '')).toEqual([
      'contents: read',
      'contents: read',
      `deployments: write # ${PERMISSION_REASONS['deployments: write']}`,
      `id-token: write # ${PERMISSION_REASONS['id-token: write']}`,
    ]);
  });
});
