import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { targetGroupNames } from '@zeroops/backstage-plugin-zeroops-common';
import { createInfrastructureGenerateAction } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import {
  checkGeneratedNames,
  measureGeneratedNames,
} from '../templates/lib/namingChecks.ts';
import { LONGEST_SERVICE } from './naming-fixtures.ts';

/** Names of generated repositories (zeroops:infrastructure:generate) at the longest service name. */

jest.setTimeout(240_000);

describe('naming contract: generated repositories at the longest name', () => {
  /** Runs zeroops:infrastructure:generate into a fresh directory, as the template does. */
  async function generate(input: Record<string, unknown>): Promise<string> {
    const workspacePath = await fs.mkdtemp(
      path.join(os.tmpdir(), 'zeroops-naming-'),
    );
    const action = createInfrastructureGenerateAction();
    const context = {
      input,
      workspacePath,
      logger: {
        info: () => {},
        warn: () => {},
        error: () => {},
        debug: () => {},
      },
      output: () => {},
      checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
      isDryRun: false,
    };
    await action.handler(
      context as unknown as Parameters<typeof action.handler>[0],
    );
    return workspacePath;
  }

  it.each(['blue-green', 'rolling'])(
    'keeps every name of a %s service with the longest name within its AWS limit',
    async deploymentStrategy => {
      const root = await generate({
        serviceName: LONGEST_SERVICE,
        awsRegion: 'eu-west-1',
        deploymentStrategy,
        modulesRepository: 'github.com/acme/zeroops',
        environments: {
          production: { accountId: '111111111111', domain: 'example.com' },
          staging: { accountId: '222222222222', domain: 'staging.example.com' },
          ephemeral: {
            accountId: '222222222222',
            domain: 'preview.example.com',
          },
        },
      });
      try {
        expect(await checkGeneratedNames(root)).toEqual([]);
        // The names were measured, the pull-request ones at pr-99999.
        const { names } = await measureGeneratedNames(root);
        const targetGroups = names
          .filter(n => n.limit === 'targetGroup')
          .map(n => n.value);
        expect(targetGroups).toEqual(
          expect.arrayContaining([
            targetGroupNames(LONGEST_SERVICE, 'production').blue,
            targetGroupNames(LONGEST_SERVICE, 'staging').blue,
            targetGroupNames(LONGEST_SERVICE, 'pr-99999').blue,
          ]),
        );
        expect(names.some(n => n.limit === 'auroraCluster')).toBe(true);
      } finally {
        await fs.rm(root, { recursive: true, force: true });
      }
    },
  );
});
