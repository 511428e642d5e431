import { createHash } from 'node:crypto';
import { formatManifest, GeneratorInputs } from './manifest';
import { renderManagedFiles } from './renderManagedFiles';

const accounts = {
  production: { accountId: '111111111111' },
  staging: { accountId: '222222222222' },
  ephemeral: { accountId: '222222222222' },
};

const infrastructure = (deploymentStrategy: string) => ({
  serviceName: 'orders-api',
  awsRegion: 'us-east-1',
  deploymentStrategy,
  modulesRepository: 'github.com/zeroops-demo/zeroops',
  // Pinned: a new release of the modules moves the default ref without a template change.
  modulesRef: 'terraform-modules/v1.0.0',
  environments: {
    production: { ...accounts.production, domain: 'example.com' },
    staging: { ...accounts.staging, domain: 'staging.example.com' },
    ephemeral: { ...accounts.ephemeral, domain: 'preview.example.com' },
  },
});

/**
 * Inputs that cover the generators' branches: a new service (blue/green) and an adopted
 * repository (rolling, its own Dockerfile and commands, no migrations).
 */
export const REFERENCE_INPUTS: GeneratorInputs[] = [
  {
    'zeroops:workflows:generate': {
      serviceName: 'orders-api',
      awsRegion: 'us-east-1',
      environments: accounts,
    },
    'zeroops:infrastructure:generate': infrastructure('blue-green'),
  },
  {
    'zeroops:workflows:generate': {
      serviceName: 'orders-api',
      awsRegion: 'us-east-1',
      deploymentStrategy: 'rolling',
      dockerfile: 'Dockerfile',
      nodeVersion: 'none',
      installCommand: 'make deps',
      testCommand: 'make test',
      migrationCommand: [],
      environments: accounts,
    },
    'zeroops:infrastructure:generate': infrastructure('rolling'),
  },
];

/**
 * A hash of everything the generators write for {@link REFERENCE_INPUTS} (each file's path and
 * content, and the manifest), which changes whenever their output does.
 */
export function managedFilesFingerprint(): string {
  const hash = createHash('sha256');
  for (const inputs of REFERENCE_INPUTS) {
    const { files } = renderManagedFiles(inputs);
    for (const [file, content] of [...files].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      hash.update(file).update('\0').update(content).update('\0');
    }
    hash.update(formatManifest({ templateVersion: 0, generators: {} }));
  }
  return `sha256:${hash.digest('hex')}`;
}

/**
 * The fingerprint of the managed files at the current template version. When a change to the
 * generators changes it, bump ZEROOPS_TEMPLATE_VERSION (zeroops-common, templateVersion.ts) and
 * record both here together: services generated before then show as behind in the catalog and
 * the zeroops-update template brings them the change.
 */
export const RECORDED_FINGERPRINT = {
  templateVersion: 4,
  fingerprint:
    'sha256:9ce96694db5f9a78920e5a337fba99448b46b766908011d500c8ddfa9dbfcf17',
};
