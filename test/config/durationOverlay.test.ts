/**
 * Backstage deep-merges config objects across files. A duration written as an object
 * (`{ hours: 6 }`) in the embedded default would therefore merge with a user's overlay
 * (`{ minutes: 1 }` → 6 h 1 min). Every duration we ship is a string, so an overlay of either form
 * replaces it (and the backend parses only the effective value: ZeroOpsConfig.test.ts).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader, type AppConfig } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { parse } from 'yaml';
import { repoRoot } from '../src';

const DURATION_KEYS = [
  'zeroops.costExplorer.refreshInterval',
  'zeroops.cache.ttl',
  'zeroops.permissions.decisionCacheTtl',
  'zeroops.aws.requestTimeout',
];

async function readMerged(files: string[]) {
  const source = ConfigSources.default({
    rootDir: repoRoot,
    argv: files.flatMap(file => ['--config', file]),
    env: {},
    substitutionFunc: async () => 'placeholder',
  });
  for await (const { configs } of source.readConfigData()) {
    return ConfigReader.fromConfigs(configs as AppConfig[]);
  }
  throw new Error('no configuration was read');
}

function valueAt(document: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined,
      document,
    );
}

describe('durations in the shipped configuration', () => {
  it.each(['app-config.yaml', 'app-config.production.yaml'])(
    '%s writes every duration as a string',
    async file => {
      const document = parse(
        await fs.readFile(path.join(repoRoot, file), 'utf8'),
      );
      const written = DURATION_KEYS.map(key => [
        key,
        typeof valueAt(document, key),
      ]).filter(([, type]) => type !== 'undefined');
      expect(written).toEqual(written.map(([key]) => [key, 'string']));
    },
  );

  it('an object overlay on the embedded default is not merged with it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-overlay-'));
    const overlay = path.join(dir, 'app-config.local.yaml');
    await fs.writeFile(
      overlay,
      'zeroops:\n  costExplorer:\n    refreshInterval: { minutes: 1 }\n',
    );
    const config = await readMerged([
      path.join(repoRoot, 'app-config.yaml'),
      overlay,
    ]);
    // What the backend parses (ZeroOpsConfig reads the effective value of the key); with an
    // object default this would be { hours: 6, minutes: 1 }.
    expect(config.getOptional('zeroops.costExplorer.refreshInterval')).toEqual({
      minutes: 1,
    });
    await fs.rm(dir, { recursive: true, force: true });
  });
});
