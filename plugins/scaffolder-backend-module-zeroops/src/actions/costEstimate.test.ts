import {
  DEFAULT_SERVICE_SIZING,
  estimateMonthlyCost,
} from '@zeroops/backstage-plugin-zeroops-common';
import { JsonObject } from '@backstage/types';
import {
  createActionTestContext,
  createWorkspace,
  exampleInputs,
  readTree,
} from '../__testUtils__/actionTestContext';
import { createCostEstimateAction } from './costEstimate';
import { examples } from './costEstimate.examples';

const action = createCostEstimateAction();

async function run(input: JsonObject, isDryRun = false) {
  const workspacePath = await createWorkspace();
  const test = createActionTestContext(action, {
    input,
    workspacePath,
    isDryRun,
  });
  await action.handler(test.ctx);
  return { workspacePath, ...test };
}

describe('zeroops:cost:estimate', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    'runs the example "%s"',
    async (_description, example) => {
      for (const input of exampleInputs(example)) {
        const { outputs } = await run(input);
        expect(outputs.monthlyUsd).toBeGreaterThan(0);
        expect(outputs.priceTableDate).toBe('2026-11');
        expect(String(outputs.markdown)).toContain('list prices as of 2026-11');
      }
    },
  );

  it('estimates the default sizing exactly as the shared estimator does', async () => {
    const { outputs, workspacePath } = await run({});
    const expected = estimateMonthlyCost(DEFAULT_SERVICE_SIZING);
    expect(outputs.monthlyUsd).toBe(expected.monthlyUsd);
    expect(outputs.environments).toEqual(
      expected.environments.map(e => ({
        environment: e.environment,
        monthlyUsd: e.monthlyUsd,
      })),
    );
    expect(await readTree(workspacePath)).toEqual({});
  });

  it('applies overrides on top of the defaults and limits the environments', async () => {
    const { outputs } = await run({
      sizing: { production: { compute: { taskCount: 4 } } },
      environments: ['production'],
    });
    const doubled = estimateMonthlyCost({
      environments: {
        production: {
          ...DEFAULT_SERVICE_SIZING.environments.production,
          compute: {
            ...DEFAULT_SERVICE_SIZING.environments.production.compute,
            taskCount: 4,
          },
        },
      },
    });
    expect(outputs.monthlyUsd).toBe(doubled.monthlyUsd);
    expect(outputs.environments).toHaveLength(1);
  });

  it('gives the same outputs in a dry run and when run twice', async () => {
    const first = await run({ maxMonthlyUsd: 1000 });
    const second = await run({ maxMonthlyUsd: 1000 });
    const dry = await run({ maxMonthlyUsd: 1000 }, true);
    expect(second.outputs).toEqual(first.outputs);
    expect(dry.outputs).toEqual(first.outputs);
  });

  it('fails with the total, the split and the limit when over maxMonthlyUsd', async () => {
    const total = estimateMonthlyCost(DEFAULT_SERVICE_SIZING).monthlyUsd;
    await expect(run({ maxMonthlyUsd: 100 })).rejects.toThrow(
      new RegExp(
        `Estimated monthly cost \\$${total.toFixed(
          2,
        )} \\(production \\$[\\d.]+, staging \\$[\\d.]+, ephemeral \\$[\\d.]+; us-east-1 prices as of 2026-11\\) exceeds maxMonthlyUsd \\$100\\.00`,
      ),
    );
  });

  it.each([
    [
      { sizing: { production: { compute: { taskCount: 1 } } } },
      'sizing.production.compute.taskCount: production runs at least 2 tasks',
    ],
    [
      { sizing: { staging: { compute: { vcpu: 0.25, memoryGb: 4 } } } },
      'sizing.staging.compute.vcpu/compute.memoryGb: 4 GB of memory is not a Fargate size for 0.25 vCPU',
    ],
    [
      { sizing: { ephemeral: { database: { minAcu: 2, maxAcu: 1 } } } },
      'sizing.ephemeral.database.minAcu: must not exceed database.maxAcu',
    ],
    [{ maxMonthlyUsd: -5 }, 'maxMonthlyUsd: Number must be greater than 0'],
    [{ environments: ['qa'] }, 'environments.0: Invalid enum value'],
    [
      { sizing: { production: { compute: { taskCount: 1e308 } } } },
      'sizing.production.compute.taskCount: 1e+308 is too large (ECS runs at most 5000 tasks per service)',
    ],
    [
      { sizing: { staging: { secrets: -1 } } },
      'sizing.staging.secrets: Number must be greater than or equal to 0',
    ],
    [
      { sizing: { production: { compute: { taskCount: Infinity } } } },
      'sizing.production.compute.taskCount: Number must be finite',
    ],
    [
      { sizing: { production: { compute: { taskCount: NaN } } } },
      'sizing.production.compute.taskCount: Expected number, received nan',
    ],
    [{ awsRegion: 'Ireland' }, 'awsRegion: must be an AWS region'],
  ])('fails on %j naming the field and the rule', async (input, message) => {
    await expect(run(input as JsonObject)).rejects.toThrow(message);
  });

  it("uses the chosen region's price table and names it", async () => {
    const { outputs } = await run({ awsRegion: 'us-east-1' });
    expect(outputs.markdown).toMatch(
      /^\*\*Estimated monthly cost: \$[\d,]+\.\d\d\*\* — us-east-1 list prices as of 2026-11/,
    );
  });

  it('says plainly that there is no estimate for a region without a price table', async () => {
    const { outputs } = await run({ awsRegion: 'sa-east-1' });
    expect(outputs.markdown).toContain(
      '**No cost estimate for sa-east-1**: ZeroOps has no dated price table for this region (tables: us-east-1)',
    );
    expect(outputs.monthlyUsd).toBeUndefined();
    expect(String(outputs.markdown)).not.toMatch(/\$∞|NaN|\$\d/);
  });

  it("fails rather than check a budget with another region's prices", async () => {
    await expect(
      run({ awsRegion: 'sa-east-1', maxMonthlyUsd: 500 }),
    ).rejects.toThrow(
      'Cannot check maxMonthlyUsd $500.00: ZeroOps has no dated price table for sa-east-1 (tables: us-east-1)',
    );
  });
});
