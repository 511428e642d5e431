import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  AWS_PRICE_TABLES,
  estimateMonthlyCost,
  formatCostEstimateMarkdown,
  formatUsd,
  priceTableForRegion,
} from '@zeroops/backstage-plugin-zeroops-common';
import { z as zod } from 'zod/v3';
import {
  explainInvalidServiceSizing,
  resolveSizing,
  sizingInputSchema,
} from '../sizing/sizingSchema';
import { parseActionInput, Zod } from '../validation/schemas';
import { examples } from './costEstimate.examples';

export const COST_ESTIMATE_ACTION_ID = 'zeroops:cost:estimate';

export const costEstimateInputSchema = (z: Zod) =>
  z.object({
    awsRegion: z
      .string({
        description:
          'Region whose dated price table is used. Default: us-east-1. A region without a table fails the step when maxMonthlyUsd is set, and otherwise reports that no estimate is available',
      })
      .regex(
        /^[a-z]{2}(-[a-z]+)+-\d$/,
        'must be an AWS region such as eu-west-1',
      )
      .default('us-east-1'),
    sizing: sizingInputSchema(z),
    environments: z
      .array(z.enum(['production', 'staging', 'ephemeral']), {
        description: 'Environments to include. Default: all three',
      })
      .min(1)
      .default(['production', 'staging', 'ephemeral']),
    maxMonthlyUsd: z
      .number({
        description:
          'Fail the step when the estimated monthly total (USD) is above this amount',
      })
      .positive()
      .optional(),
  });

/**
 * `zeroops:cost:estimate`: the monthly cost of the chosen sizing per environment, from the
 * dated price table of zeroops-common, as numbers and as Markdown for the result page.
 * @public
 */
export function createCostEstimateAction() {
  return createTemplateAction({
    id: COST_ESTIMATE_ACTION_ID,
    description:
      "Estimates the monthly AWS cost of a service per environment (Fargate, Aurora, Valkey, ALB, CloudFront, NAT, WAF, Secrets Manager, alarms) from its sizing and the chosen region's dated price table. Optionally fails when the total exceeds maxMonthlyUsd.",
    examples,
    supportsDryRun: true,
    schema: {
      input: costEstimateInputSchema,
      output: {
        monthlyUsd: z =>
          z
            .number({
              description:
                'Estimated monthly total in USD (absent when the region has no price table)',
            })
            .optional(),
        environments: z =>
          z
            .array(
              z.object({ environment: z.string(), monthlyUsd: z.number() }),
              { description: 'Monthly cost per environment' },
            )
            .optional(),
        markdown: z =>
          z.string({
            description: 'The estimate as Markdown (summary and line items)',
          }),
        priceTableDate: z =>
          z
            .string({ description: 'Date (YYYY-MM) of the prices used' })
            .optional(),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        COST_ESTIMATE_ACTION_ID,
        costEstimateInputSchema(zod),
        ctx.input,
      );
      const resolved = resolveSizing(input.sizing);
      const problems = explainInvalidServiceSizing(resolved);
      if (problems.length > 0) {
        throw new InputError(
          `Invalid input to ${COST_ESTIMATE_ACTION_ID}: ${problems.join('; ')}`,
        );
      }
      if (
        !Object.prototype.hasOwnProperty.call(AWS_PRICE_TABLES, input.awsRegion)
      ) {
        const known = Object.keys(AWS_PRICE_TABLES).join(', ');
        if (input.maxMonthlyUsd !== undefined) {
          throw new InputError(
            `Cannot check maxMonthlyUsd ${formatUsd(
              input.maxMonthlyUsd,
            )}: ZeroOps has no dated price table for ${
              input.awsRegion
            } (tables: ${known}), and prices from another region would be wrong. Remove maxMonthlyUsd or choose a region with a table.`,
          );
        }
        // Not a guess from another region's prices: say plainly that there is no estimate.
        const markdown = `**No cost estimate for ${input.awsRegion}**: ZeroOps has no dated price table for this region (tables: ${known}). Use the AWS Pricing Calculator with the sizing in \`infrastructure/environments/*/main.tf\`.`;
        ctx.logger.warn(
          `No cost estimate: no dated price table for ${input.awsRegion} (tables: ${known})`,
        );
        ctx.output('markdown', markdown);
        return;
      }
      const estimate = estimateMonthlyCost(
        {
          environments: Object.fromEntries(
            input.environments.map(env => [env, resolved.environments[env]]),
          ),
        },
        priceTableForRegion(input.awsRegion),
      );
      const summary = estimate.environments
        .map(env => `${env.environment} ${formatUsd(env.monthlyUsd)}`)
        .join(', ');
      if (
        input.maxMonthlyUsd !== undefined &&
        estimate.monthlyUsd > input.maxMonthlyUsd
      ) {
        throw new InputError(
          `Estimated monthly cost ${formatUsd(
            estimate.monthlyUsd,
          )} (${summary}; ${estimate.region} prices as of ${
            estimate.priceTableDate
          }) exceeds maxMonthlyUsd ${formatUsd(
            input.maxMonthlyUsd,
          )}. Reduce the sizing (task count, vCPU, memory, Aurora ACUs, ephemeral environments) or raise the limit.`,
        );
      }
      ctx.logger.info(
        `Estimated monthly cost ${formatUsd(
          estimate.monthlyUsd,
        )}: ${summary} (${estimate.region} prices as of ${
          estimate.priceTableDate
        })`,
      );
      ctx.output('monthlyUsd', estimate.monthlyUsd);
      ctx.output(
        'environments',
        estimate.environments.map(env => ({
          environment: env.environment,
          monthlyUsd: env.monthlyUsd,
        })),
      );
      ctx.output('markdown', formatCostEstimateMarkdown(estimate));
      ctx.output('priceTableDate', estimate.priceTableDate);
    },
  });
}
