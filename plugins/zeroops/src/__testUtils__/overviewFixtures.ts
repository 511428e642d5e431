/** The overview response (services, environments, cost, delivery teams) of the demo scenario. */
import { OverviewResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { paymentsCost } from './costFixtures';
import { hoursAgo } from './fixtures';

export function overview(): OverviewResponse {
  return {
    services: [
      {
        entityRef: 'component:default/orders-worker',
        title: 'Orders worker',
        serviceName: 'orders-worker',
        owner: 'group:default/team-checkout',
        system: 'system:default/checkout',
        environments: [
          {
            name: 'production',
            kind: 'persistent',
            health: 'healthy',
            reasons: [],
          },
          {
            name: 'staging',
            kind: 'persistent',
            health: 'degraded',
            reasons: ['circuit-breaker-rollback'],
          },
        ],
        ephemeral: [],
        cost: {
          monthToDate: 83.78,
          forecast: { amount: 96.05, method: 'run-rate' },
        },
      },
      {
        entityRef: 'component:default/payments-api',
        title: 'Payments API',
        serviceName: 'payments-api',
        owner: 'group:default/team-checkout',
        system: 'system:default/checkout',
        environments: [
          {
            name: 'production',
            kind: 'persistent',
            health: 'healthy',
            reasons: [],
          },
          {
            name: 'staging',
            kind: 'persistent',
            health: 'degraded',
            reasons: ['alarm'],
          },
        ],
        ephemeral: [
          {
            name: 'pr-7',
            pullRequest: 7,
            pullRequestUrl:
              'https://github.com/zeroops-demo/payments-api/pull/7',
            health: 'healthy',
            createdAt: hoursAgo(5),
            ageHours: 5,
            monthToDate: 0.94,
          },
        ],
        cost: {
          monthToDate: 164.29,
          forecast: { amount: 188, method: 'run-rate' },
          budget: paymentsCost().budget,
        },
      },
      {
        entityRef: 'component:default/billing-batch',
        title: 'Billing batch',
        serviceName: 'billing-batch',
        owner: 'group:default/team-finance',
        system: 'system:default/billing',
        environments: [
          {
            name: 'production',
            kind: 'persistent',
            health: 'unknown',
            reasons: ['data-unavailable'],
            errorCode: 'access-denied',
          },
        ],
        ephemeral: [],
      },
    ],
    costVisible: true,
    totals: { monthToDate: 248.07, forecast: 284.05, currency: 'USD' },
    costLastRefreshedAt: hoursAgo(0.25),
    demoData: true,
    generatedAt: new Date().toISOString(),
  };
}
