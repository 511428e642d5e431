// Generated from openapi.yaml by scripts/generate-openapi-spec.js. Do not edit.

/** The OpenAPI 3.1 document of the ZeroOps backend, as a typed constant. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'zeroops',
    version: '1',
    description:
      'ZeroOps backend plugin: health, deployment state and cost of the services in the Backstage catalog, per environment. Every entity route requires catalog.entity.read on the entity; cost additionally requires zeroops.cost.read.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/entities/{kind}/{namespace}/{name}/environments': {
      get: {
        operationId: 'GetEntityEnvironments',
        summary:
          'Health and deployment state of every environment of an entity.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'Every environment; one that AWS failed for carries an error.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityEnvironmentsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '503': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/cost': {
      get: {
        operationId: 'GetEntityCost',
        summary:
          "Cost of an entity's service from the latest Cost Explorer snapshot.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'Cost figures; lastRefreshedAt is null before the first refresh.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityCostResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '503': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/overview': {
      get: {
        operationId: 'GetOverview',
        summary:
          'Every service the caller may read, with health, cost and budget.',
        responses: {
          '200': {
            description: 'Overview.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OverviewResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/delivery': {
      get: {
        operationId: 'GetEntityDelivery',
        summary:
          "What each GitHub environment of an entity's repository runs and what is on its way.",
        description:
          'Read from the delivery store (webhooks and the scheduled reconciliation); never calls GitHub. 404 when the entity has no GitHub repository (github.com/project-slug) or when zeroops.delivery.enabled is false; the message says which.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'Delivery state; lastSyncedAt is null before the first sync.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityDeliveryResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '503': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/dora': {
      get: {
        operationId: 'GetEntityDora',
        summary:
          "DORA metrics of an entity's repository over 7, 30 or 90 days, with bands, targets and a weekly trend.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/window',
          },
        ],
        responses: {
          '200': {
            description: 'DORA metrics.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityDoraResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '503': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/delivery/overview': {
      get: {
        operationId: 'GetDeliveryOverview',
        summary:
          'Delivery state and DORA of every service the caller may read that has a GitHub repository, and of the teams that own them.',
        parameters: [
          {
            $ref: '#/components/parameters/window',
          },
        ],
        responses: {
          '200': {
            description: 'Services and teams.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeliveryOverviewResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description:
          "Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid.",
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      window: {
        name: 'window',
        in: 'query',
        required: false,
        description: 'Days of the DORA window (default 30).',
        schema: {
          type: 'string',
          enum: ['7', '30', '90'],
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'A Backstage error body.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
              code: {
                type: 'string',
                description:
                  "A stable code for clients to tell failures apart without reading the message: one of ZeroOpsApiErrorCode for the failures it lists. Other failures carry no code, or a library's own code on a 5xx.",
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
        required: ['error'],
      },
      ZeroOpsApiErrorCode: {
        type: 'string',
        description:
          'not-allowed: the caller lacks catalog.entity.read on the entity or zeroops.cost.read (403); entity-not-found: the catalog has no such entity (404); annotation-missing: the entity has no usable zeroops.io/service-name or AWS ECS service ARN annotation (404); github-repository-missing: the entity names no GitHub repository (404); delivery-disabled: delivery is switched off in this Backstage (404).',
        enum: [
          'not-allowed',
          'entity-not-found',
          'annotation-missing',
          'github-repository-missing',
          'delivery-disabled',
        ],
      },
      HealthStatus: {
        type: 'string',
        description:
          'not-deployed: ECS reports no such service in the environment (nothing deployed there yet); unknown: AWS, or a signal that could reveal a problem, could not be read.',
        enum: ['healthy', 'degraded', 'down', 'not-deployed', 'unknown'],
      },
      HealthReasonCode: {
        type: 'string',
        enum: [
          'service-missing',
          'service-inactive',
          'no-running-tasks',
          'tasks-below-desired',
          'scaled-to-zero',
          'rollout-in-progress',
          'rollout-failed',
          'circuit-breaker-rollback',
          'alarm',
          'unhealthy-targets',
          'database-unavailable',
          'cache-unavailable',
          'data-unavailable',
          'alarms-unreadable',
          'target-health-unreadable',
          'database-unreadable',
          'cache-unreadable',
        ],
      },
      HealthReason: {
        type: 'object',
        properties: {
          code: {
            $ref: '#/components/schemas/HealthReasonCode',
          },
          severity: {
            type: 'string',
            enum: ['info', 'unknown', 'not-deployed', 'degraded', 'down'],
          },
          message: {
            description:
              'One sentence a developer can act on, e.g. "1 of 3 tasks running".',
            type: 'string',
          },
          resource: {
            description:
              'The AWS resource the reason is about (alarm name, target group, cluster id), when any.',
            type: 'string',
          },
        },
        required: ['code', 'severity', 'message'],
        additionalProperties: false,
      },
      EnvironmentHealth: {
        type: 'object',
        properties: {
          status: {
            $ref: '#/components/schemas/HealthStatus',
          },
          reasons: {
            description: 'Every reason found, worst first; empty when healthy.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/HealthReason',
            },
          },
        },
        required: ['status', 'reasons'],
        additionalProperties: false,
      },
      EnvironmentErrorCode: {
        type: 'string',
        enum: [
          'throttled',
          'access-denied',
          'not-found',
          'timeout',
          'unavailable',
          'configuration',
          'unknown',
        ],
      },
      EnvironmentError: {
        type: 'object',
        properties: {
          code: {
            $ref: '#/components/schemas/EnvironmentErrorCode',
          },
          source: {
            type: 'string',
            enum: [
              'credentials',
              'ecs',
              'elbv2',
              'cloudwatch',
              'rds',
              'elasticache',
              'cost-explorer',
              'budgets',
            ],
          },
          message: {
            description:
              'What failed, including the AWS error name when there is one.',
            type: 'string',
          },
          hint: {
            description:
              'What to do about it, e.g. the IAM action to grant or the config key to fix.',
            type: 'string',
          },
          awsErrorName: {
            description:
              'The AWS SDK error name (`ThrottlingException`, `AccessDeniedException`, ...).',
            type: 'string',
          },
        },
        required: ['code', 'source', 'message', 'hint'],
        additionalProperties: false,
      },
      Deployment: {
        type: 'object',
        properties: {
          id: {
            description: 'ECS deployment id (`ecs-svc/...`).',
            type: 'string',
          },
          status: {
            description:
              '`PRIMARY` is the newest one, `ACTIVE` is still running tasks, `INACTIVE` is gone.',
            type: 'string',
            enum: ['PRIMARY', 'ACTIVE', 'INACTIVE'],
          },
          taskDefinitionArn: {
            type: 'string',
          },
          taskDefinitionFamily: {
            description:
              'Task definition family, e.g. `payments-api-production`.',
            type: 'string',
          },
          taskDefinitionRevision: {
            type: 'number',
          },
          image: {
            description:
              'Image of the `app` container (or the first container), when the task definition was read.',
            type: 'string',
          },
          commitSha: {
            description:
              'Full 40-hex git commit SHA taken from the image tag, when the tag is one.',
            type: 'string',
          },
          startedAt: {
            description: 'ISO 8601 time the deployment was created.',
            type: 'string',
          },
          updatedAt: {
            description: 'ISO 8601 time of the last change of the deployment.',
            type: 'string',
          },
          rolloutState: {
            type: 'string',
            enum: ['IN_PROGRESS', 'COMPLETED', 'FAILED'],
          },
          rolloutStateReason: {
            type: 'string',
          },
          desiredCount: {
            type: 'number',
          },
          runningCount: {
            type: 'number',
          },
          pendingCount: {
            type: 'number',
          },
          failedTasks: {
            type: 'number',
          },
          strategy: {
            $ref: '#/components/schemas/DeploymentStrategy',
          },
          blueGreenStage: {
            description:
              'For BLUE_GREEN: the ECS lifecycle stage of the service deployment (`SCALE_UP`, `TEST_TRAFFIC_SHIFT`, `PRODUCTION_TRAFFIC_SHIFT`, `BAKE_TIME`, `CLEAN_UP`, ...).',
            type: 'string',
          },
        },
        required: [
          'id',
          'status',
          'taskDefinitionArn',
          'taskDefinitionFamily',
          'taskDefinitionRevision',
          'startedAt',
          'desiredCount',
          'runningCount',
          'pendingCount',
          'failedTasks',
          'strategy',
        ],
        additionalProperties: false,
      },
      DeploymentStrategy: {
        type: 'string',
        enum: ['ROLLING', 'BLUE_GREEN'],
      },
      DeploymentState: {
        type: 'object',
        properties: {
          strategy: {
            $ref: '#/components/schemas/DeploymentStrategy',
          },
          primary: {
            description: 'The deployment serving traffic (or becoming it).',
            $ref: '#/components/schemas/Deployment',
          },
          inFlight: {
            description:
              'Deployments still running tasks next to the primary (rollouts in flight).',
            type: 'array',
            items: {
              $ref: '#/components/schemas/Deployment',
            },
          },
          lastFailed: {
            description:
              'The most recent failed deployment still reported by ECS, if any.',
            $ref: '#/components/schemas/Deployment',
          },
        },
        required: ['strategy', 'inFlight'],
        additionalProperties: false,
      },
      ServiceEvent: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          createdAt: {
            description: 'ISO 8601',
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
        required: ['id', 'createdAt', 'message'],
        additionalProperties: false,
      },
      StoppedTask: {
        type: 'object',
        properties: {
          taskArn: {
            type: 'string',
          },
          taskId: {
            type: 'string',
          },
          taskDefinitionArn: {
            type: 'string',
          },
          taskDefinitionRevision: {
            type: 'number',
          },
          stopCode: {
            description:
              '`TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated`, `ServiceSchedulerInitiated`, ...',
            type: 'string',
          },
          stoppedReason: {
            type: 'string',
          },
          startedAt: {
            description: 'ISO 8601',
            type: 'string',
          },
          stoppedAt: {
            description: 'ISO 8601',
            type: 'string',
          },
          containers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                },
                exitCode: {
                  type: 'number',
                },
                reason: {
                  type: 'string',
                },
                image: {
                  type: 'string',
                },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
        },
        required: ['taskArn', 'taskId', 'containers'],
        additionalProperties: false,
      },
      EnvironmentLocation: {
        type: 'object',
        properties: {
          accountId: {
            type: 'string',
          },
          region: {
            type: 'string',
          },
          cluster: {
            type: 'string',
          },
          ecsServiceName: {
            description:
              'ECS service name (`<service>` or `<service>-pr-<n>`).',
            type: 'string',
          },
        },
        required: ['accountId', 'region', 'cluster', 'ecsServiceName'],
        additionalProperties: false,
      },
      EnvironmentLinks: {
        type: 'object',
        properties: {
          console: {
            description: 'AWS console page of the ECS service.',
            type: 'string',
          },
          logs: {
            description:
              'CloudWatch Logs console page of the log group from the task definition, when it uses awslogs.',
            type: 'string',
          },
          logGroup: {
            description: '`awslogs-group` of the task definition.',
            type: 'string',
          },
        },
        required: ['console'],
        additionalProperties: false,
      },
      ServiceSummary: {
        type: 'object',
        properties: {
          status: {
            description: '`ACTIVE`, `DRAINING` or `INACTIVE`.',
            type: 'string',
          },
          desiredCount: {
            type: 'number',
          },
          runningCount: {
            type: 'number',
          },
          pendingCount: {
            type: 'number',
          },
          launchType: {
            type: 'string',
          },
          createdAt: {
            description:
              'ISO 8601 time the ECS service was created (the age of an ephemeral environment).',
            type: 'string',
          },
        },
        required: ['status', 'desiredCount', 'runningCount', 'pendingCount'],
        additionalProperties: false,
      },
      AlarmSummary: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          signal: {
            description:
              'The signal part of the name (`alb-5xx`, `p99-latency`, ...), when the name follows the contract.',
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['ALARM'],
          },
          reason: {
            type: 'string',
          },
          since: {
            description: 'ISO 8601 time the alarm entered ALARM.',
            type: 'string',
          },
        },
        required: ['name', 'state'],
        additionalProperties: false,
      },
      TargetHealthSummary: {
        type: 'object',
        properties: {
          targetGroupArn: {
            type: 'string',
          },
          targetGroupName: {
            type: 'string',
          },
          total: {
            type: 'number',
          },
          healthy: {
            type: 'number',
          },
          unhealthy: {
            type: 'number',
          },
          other: {
            description: 'initial, draining, unused, unavailable',
            type: 'number',
          },
          unhealthyReasons: {
            description:
              'Distinct ELB reason codes/descriptions of unhealthy targets.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: [
          'targetGroupArn',
          'targetGroupName',
          'total',
          'healthy',
          'unhealthy',
          'other',
          'unhealthyReasons',
        ],
        additionalProperties: false,
      },
      DataStoreStatus: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            enum: ['aurora', 'valkey'],
          },
          identifier: {
            type: 'string',
          },
          status: {
            description:
              'Raw AWS status (`available`, `modifying`, `create-failed`, ...).',
            type: 'string',
          },
          available: {
            type: 'boolean',
          },
        },
        required: ['kind', 'identifier', 'status', 'available'],
        additionalProperties: false,
      },
      EntityEnvironment: {
        type: 'object',
        properties: {
          name: {
            description:
              'Environment instance name: `production`, `staging`, `pr-12`.',
            type: 'string',
          },
          platformEnvironment: {
            description:
              'Name of the configured platform environment (`zeroops.environments[].name`).',
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['persistent', 'ephemeral'],
          },
          pullRequest: {
            description: 'Pull request number of an ephemeral instance.',
            type: 'number',
          },
          location: {
            $ref: '#/components/schemas/EnvironmentLocation',
          },
          health: {
            $ref: '#/components/schemas/EnvironmentHealth',
          },
          service: {
            $ref: '#/components/schemas/ServiceSummary',
          },
          deployment: {
            $ref: '#/components/schemas/DeploymentState',
          },
          events: {
            description: 'Newest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ServiceEvent',
            },
          },
          stoppedTasks: {
            description: 'Newest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/StoppedTask',
            },
          },
          alarms: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AlarmSummary',
            },
          },
          targets: {
            $ref: '#/components/schemas/TargetHealthSummary',
          },
          dataStores: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DataStoreStatus',
            },
          },
          links: {
            $ref: '#/components/schemas/EnvironmentLinks',
          },
          error: {
            $ref: '#/components/schemas/EnvironmentError',
          },
          pending: {
            type: 'boolean',
            description:
              'AWS did not answer within the request deadline; the read goes on and a later request returns the environment.',
          },
          partialErrors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentError',
            },
          },
          fetchedAt: {
            description:
              'ISO 8601 time the AWS data was read (it may come from the short-lived cache).',
            type: 'string',
          },
        },
        required: [
          'name',
          'platformEnvironment',
          'kind',
          'location',
          'health',
          'events',
          'stoppedTasks',
          'alarms',
          'dataStores',
          'links',
          'partialErrors',
          'fetchedAt',
        ],
        additionalProperties: false,
      },
      EntityEnvironmentsResponse: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          serviceName: {
            type: 'string',
          },
          environments: {
            description:
              'Persistent environments in configuration order, then ephemeral instances by PR number.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityEnvironment',
            },
          },
          demoData: {
            description:
              'True when `zeroops.demoData` is set: the data comes from the simulator.',
            type: 'boolean',
          },
          generatedAt: {
            description: 'ISO 8601',
            type: 'string',
          },
        },
        required: [
          'entityRef',
          'serviceName',
          'environments',
          'demoData',
          'generatedAt',
        ],
        additionalProperties: false,
      },
      MonthlyCost: {
        type: 'object',
        properties: {
          month: {
            description: '`YYYY-MM`',
            type: 'string',
          },
          amount: {
            type: 'number',
          },
          partial: {
            type: 'boolean',
          },
        },
        required: ['month', 'amount', 'partial'],
        additionalProperties: false,
      },
      DailyCost: {
        type: 'object',
        properties: {
          date: {
            description: '`YYYY-MM-DD`',
            type: 'string',
          },
          amount: {
            type: 'number',
          },
        },
        required: ['date', 'amount'],
        additionalProperties: false,
      },
      CostForecast: {
        type: 'object',
        properties: {
          amount: {
            description: 'Expected total for the current month.',
            type: 'number',
          },
          method: {
            type: 'string',
            enum: ['run-rate', 'cost-explorer'],
          },
        },
        required: ['amount', 'method'],
        additionalProperties: false,
      },
      BudgetState: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          limit: {
            type: 'number',
          },
          currency: {
            type: 'string',
          },
          actual: {
            type: 'number',
          },
          forecast: {
            type: 'number',
          },
          consumedPercent: {
            description: 'actual / limit × 100',
            type: 'number',
          },
          forecastPercent: {
            description: 'forecast / limit × 100',
            type: 'number',
          },
          status: {
            type: 'string',
            enum: ['ok', 'at-risk', 'over'],
          },
        },
        required: [
          'name',
          'limit',
          'currency',
          'actual',
          'consumedPercent',
          'status',
        ],
        additionalProperties: false,
      },
      EnvironmentCost: {
        type: 'object',
        properties: {
          environment: {
            description:
              '`production`, `staging`, `pr-12` (the `zeroops:environment` tag value).',
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['persistent', 'ephemeral'],
          },
          monthToDate: {
            type: 'number',
          },
          forecast: {
            $ref: '#/components/schemas/CostForecast',
          },
          months: {
            description: 'Current month and the 5 before it, oldest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/MonthlyCost',
            },
          },
          days: {
            description:
              'Last 30 days ending on the snapshot day, oldest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/DailyCost',
            },
          },
        },
        required: [
          'environment',
          'kind',
          'monthToDate',
          'forecast',
          'months',
          'days',
        ],
        additionalProperties: false,
      },
      EntityCostResponse: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          serviceName: {
            type: 'string',
          },
          currency: {
            type: 'string',
          },
          monthToDate: {
            type: 'number',
          },
          forecast: {
            $ref: '#/components/schemas/CostForecast',
          },
          months: {
            description: 'Current month and the 5 before it, oldest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/MonthlyCost',
            },
          },
          days: {
            description:
              'Last 30 days ending on the snapshot day, oldest first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/DailyCost',
            },
          },
          environments: {
            description:
              'Per environment instance, persistent first then ephemeral by PR number.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentCost',
            },
          },
          budget: {
            $ref: '#/components/schemas/BudgetState',
          },
          lastRefreshedAt: {
            description:
              'ISO 8601 time of the snapshot; null before the first refresh.',
            type: ['string', 'null'],
          },
          demoData: {
            type: 'boolean',
          },
        },
        required: [
          'entityRef',
          'serviceName',
          'currency',
          'monthToDate',
          'forecast',
          'months',
          'days',
          'environments',
          'lastRefreshedAt',
          'demoData',
        ],
        additionalProperties: false,
      },
      OverviewEnvironment: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['persistent', 'ephemeral'],
          },
          health: {
            $ref: '#/components/schemas/HealthStatus',
          },
          reasons: {
            description: 'Codes of the reasons, worst first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/HealthReasonCode',
            },
          },
          errorCode: {
            description: 'Set when AWS could not be read for this environment.',
            $ref: '#/components/schemas/EnvironmentErrorCode',
          },
          pending: {
            type: 'boolean',
            description:
              'AWS is still being read for this environment; ask again shortly.',
          },
        },
        required: ['name', 'kind', 'health', 'reasons'],
        additionalProperties: false,
      },
      OverviewEphemeralEnvironment: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          pullRequest: {
            type: 'number',
          },
          pullRequestUrl: {
            type: 'string',
            description:
              "The pull request in the service's repository, when the entity says where that is.",
          },
          health: {
            $ref: '#/components/schemas/HealthStatus',
          },
          createdAt: {
            description: 'ISO 8601 creation time of the ECS service.',
            type: 'string',
          },
          ageHours: {
            description: 'Age in whole hours at `generatedAt`.',
            type: 'number',
          },
          monthToDate: {
            description:
              'Month-to-date cost; absent when the caller may not read cost or no snapshot exists.',
            type: 'number',
          },
        },
        required: ['name', 'pullRequest', 'health'],
        additionalProperties: false,
      },
      OverviewService: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          serviceName: {
            type: 'string',
          },
          owner: {
            description:
              'Entity ref of `spec.owner` (`group:default/team-checkout`), however the entity wrote it.',
            type: 'string',
          },
          system: {
            description:
              'Entity ref of `spec.system` (`system:default/checkout`), however the entity wrote it.',
            type: 'string',
          },
          repositoryUrl: {
            type: 'string',
            description:
              'The source repository (github.com/project-slug, or a GitHub/GitLab backstage.io/source-location).',
          },
          environments: {
            description: 'Persistent environments in configuration order.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/OverviewEnvironment',
            },
          },
          ephemeral: {
            description: 'Pull-request environments by PR number.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/OverviewEphemeralEnvironment',
            },
          },
          cost: {
            type: 'object',
            properties: {
              monthToDate: {
                type: 'number',
              },
              forecast: {
                $ref: '#/components/schemas/CostForecast',
              },
              budget: {
                $ref: '#/components/schemas/BudgetState',
              },
            },
            required: ['monthToDate', 'forecast'],
            additionalProperties: false,
          },
        },
        required: ['entityRef', 'serviceName', 'environments', 'ephemeral'],
        additionalProperties: false,
      },
      OverviewResponse: {
        type: 'object',
        properties: {
          services: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OverviewService',
            },
          },
          costVisible: {
            description:
              'False when the caller is not allowed `zeroops.cost.read`: no cost figures are included.',
            type: 'boolean',
          },
          totals: {
            description: 'Sum over the listed services, when cost is visible.',
            type: 'object',
            properties: {
              monthToDate: {
                type: 'number',
              },
              forecast: {
                type: 'number',
              },
              currency: {
                type: 'string',
              },
            },
            required: ['monthToDate', 'forecast', 'currency'],
            additionalProperties: false,
          },
          costLastRefreshedAt: {
            description:
              'ISO 8601 time of the cost snapshot; null before the first refresh.',
            type: ['string', 'null'],
          },
          demoData: {
            type: 'boolean',
          },
          generatedAt: {
            description: 'ISO 8601',
            type: 'string',
          },
        },
        required: [
          'services',
          'costVisible',
          'costLastRefreshedAt',
          'demoData',
          'generatedAt',
        ],
        additionalProperties: false,
      },
      DeliveryDeploymentState: {
        type: 'string',
        enum: [
          'queued',
          'pending',
          'in_progress',
          'success',
          'failure',
          'error',
          'inactive',
          'rolled_back',
        ],
      },
      DeliveryDeployment: {
        type: 'object',
        description:
          'One GitHub deployment of task deploy:zeroops with its newest status.',
        properties: {
          repository: {
            description: '`owner/name`, lower case.',
            type: 'string',
          },
          deploymentId: {
            description: 'GitHub deployment id.',
            type: 'number',
          },
          environment: {
            description: '`production`, `staging` or `pr-<n>`.',
            type: 'string',
          },
          sha: {
            description: 'Full 40-hex commit SHA.',
            type: 'string',
          },
          ref: {
            description:
              "Branch the deployed commit came from (`main`, `hotfix/…`, a pull request's head branch): the `branch` of the ZeroOps deployment payload; GitHub's own `ref` is the SHA. Deployments of older workflows carry no payload branch and keep GitHub's `ref`.",
            type: 'string',
          },
          createdAt: {
            description:
              'When GitHub created the deployment (the rollout started).',
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/DeliveryDeploymentState',
          },
          updatedAt: {
            description: 'When the newest status was written.',
            type: 'string',
          },
          finishedAt: {
            description:
              'When the rollout ended (first `success`, `failure` or `error` status); absent while running.',
            type: 'string',
          },
          ecsServiceDeploymentArn: {
            description:
              "ECS service deployment ARN from the status description, joining GitHub's and AWS's views.",
            type: 'string',
          },
          rollbackReason: {
            description:
              'Why the rollout counts as rolled back (`circuit-breaker`, `alarm`, …), when AWS said so.',
            type: 'string',
          },
          commitAt: {
            description: 'Committer time of `sha`.',
            type: 'string',
          },
          firstCommitAt: {
            description:
              "Time of the first commit of the change: the pull request's first commit when the SHA came from a merged pull request, else the earliest commit of the push that brought it.",
            type: 'string',
          },
          pullRequest: {
            description:
              'The pull request that was merged to produce `sha`, when there was one.',
            type: 'number',
          },
          workflowRunId: {
            description: 'The workflow run that deployed, for links.',
            type: 'number',
          },
          workflowRunUrl: {
            type: 'string',
          },
          creator: {
            description: 'GitHub login that triggered the deployment.',
            type: 'string',
          },
        },
        required: [
          'repository',
          'deploymentId',
          'environment',
          'sha',
          'ref',
          'createdAt',
          'state',
          'updatedAt',
        ],
        additionalProperties: false,
      },
      PendingApproval: {
        type: 'object',
        properties: {
          repository: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          workflowRunId: {
            type: 'number',
          },
          reviewUrl: {
            type: 'string',
            description:
              'The workflow run page, where reviewers approve or reject.',
          },
          sha: {
            type: 'string',
          },
          waitingSince: {
            description: 'When the run started waiting.',
            type: 'string',
          },
          reviewers: {
            description: 'Logins and team slugs that may approve.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: [
          'repository',
          'environment',
          'workflowRunId',
          'reviewUrl',
          'sha',
          'waitingSince',
          'reviewers',
        ],
        additionalProperties: false,
      },
      StagingAhead: {
        type: 'object',
        properties: {
          productionSha: {
            type: 'string',
          },
          stagingSha: {
            type: 'string',
          },
          commits: {
            description: '`ahead_by` of the comparison.',
            type: 'number',
          },
          compareUrl: {
            type: 'string',
          },
          comparedAt: {
            description: 'When the comparison was read.',
            type: 'string',
          },
        },
        required: [
          'productionSha',
          'stagingSha',
          'commits',
          'compareUrl',
          'comparedAt',
        ],
        additionalProperties: false,
      },
      DeliveryEnvironment: {
        type: 'object',
        properties: {
          name: {
            description: '`production`, `staging` or `pr-<n>`.',
            type: 'string',
          },
          current: {
            description:
              'The newest successful deployment: what the environment runs.',
            $ref: '#/components/schemas/DeliveryDeployment',
          },
          inProgress: {
            description: 'A deployment that has started and not ended.',
            $ref: '#/components/schemas/DeliveryDeployment',
          },
          lastFailure: {
            description:
              'The newest failed or rolled-back deployment, when it is newer than `current`.',
            $ref: '#/components/schemas/DeliveryDeployment',
          },
          pendingApprovals: {
            description: 'Runs waiting for a reviewer before they deploy here.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/PendingApproval',
            },
          },
        },
        required: ['name', 'pendingApprovals'],
        additionalProperties: false,
      },
      EntityDeliveryResponse: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          repository: {
            description:
              '`owner/name` read from `github.com/project-slug` or the source location.',
            type: 'string',
          },
          repositoryUrl: {
            type: 'string',
          },
          environments: {
            description:
              'production, staging, then pull-request environments by number.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeliveryEnvironment',
            },
          },
          stagingAhead: {
            description:
              'Commits in staging not yet in production; absent when unknown or equal.',
            $ref: '#/components/schemas/StagingAhead',
          },
          lastFailure: {
            description:
              'The newest failed or rolled-back deployment in any persistent environment.',
            $ref: '#/components/schemas/DeliveryDeployment',
          },
          lastSyncedAt: {
            description:
              'ISO 8601 time the last webhook or reconciliation touched this repository; null if never.',
            type: ['string', 'null'],
          },
          demoData: {
            type: 'boolean',
          },
          generatedAt: {
            type: 'string',
          },
        },
        required: [
          'entityRef',
          'repository',
          'repositoryUrl',
          'environments',
          'lastSyncedAt',
          'demoData',
          'generatedAt',
        ],
        additionalProperties: false,
      },
      DoraBand: {
        type: 'string',
        enum: ['elite', 'high', 'medium', 'low', 'no-data'],
      },
      DoraWindowDays: {
        type: 'number',
        enum: [7, 30, 90],
      },
      DoraMetric: {
        type: 'object',
        description:
          'deploymentFrequency in changes per day, leadTime and timeToRestore as median minutes, changeFailureRate as a fraction 0-1; value absent when there is nothing to measure.',
        properties: {
          value: {
            description:
              'deploymentFrequency: successful production changes per day; leadTime and timeToRestore: median minutes; changeFailureRate: a fraction 0–1. Absent when there is nothing to measure.',
            type: 'number',
          },
          samples: {
            description:
              'How many observations the value rests on: deploymentFrequency and leadTime, changes deployed in the window; changeFailureRate, changes with a finished production deployment in the window; timeToRestore, incidents restored in the window.',
            type: 'number',
          },
          excluded: {
            description:
              'Observations left out because a time was missing: for leadTime, deployed changes whose records carry neither `firstCommitAt` nor `commitAt`. Absent for the other metrics.',
            type: 'number',
          },
          band: {
            $ref: '#/components/schemas/DoraBand',
          },
          target: {
            description:
              "The seed's target for this metric, in the same unit as `value`.",
            type: 'number',
          },
          meetsTarget: {
            description: 'Absent when there is no value.',
            type: 'boolean',
          },
        },
        required: ['samples', 'band', 'target'],
        additionalProperties: false,
      },
      DoraWeek: {
        type: 'object',
        properties: {
          weekStart: {
            description:
              'ISO 8601 date of the Monday. The first and last weeks are clipped to the window.',
            type: 'string',
          },
          deployments: {
            description:
              'Changes whose first successful production deployment finished in the week.',
            type: 'number',
          },
          leadTimeMinutes: {
            type: 'number',
          },
          changeFailureRate: {
            type: 'number',
          },
          timeToRestoreMinutes: {
            type: 'number',
          },
        },
        required: ['weekStart', 'deployments'],
        additionalProperties: false,
      },
      DoraSummary: {
        type: 'object',
        properties: {
          windowDays: {
            $ref: '#/components/schemas/DoraWindowDays',
          },
          from: {
            description: 'ISO 8601, inclusive.',
            type: 'string',
          },
          to: {
            description: 'ISO 8601, exclusive.',
            type: 'string',
          },
          deploymentFrequency: {
            $ref: '#/components/schemas/DoraMetric',
          },
          leadTime: {
            $ref: '#/components/schemas/DoraMetric',
          },
          changeFailureRate: {
            $ref: '#/components/schemas/DoraMetric',
          },
          timeToRestore: {
            $ref: '#/components/schemas/DoraMetric',
          },
          openIncidents: {
            description:
              'Failures with no healthy production deployment after them yet.',
            type: 'number',
          },
          weekly: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DoraWeek',
            },
          },
        },
        required: [
          'windowDays',
          'from',
          'to',
          'deploymentFrequency',
          'leadTime',
          'changeFailureRate',
          'timeToRestore',
          'openIncidents',
          'weekly',
        ],
        additionalProperties: false,
      },
      EntityDoraResponse: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          repository: {
            type: 'string',
          },
          dora: {
            $ref: '#/components/schemas/DoraSummary',
          },
          demoData: {
            type: 'boolean',
          },
          generatedAt: {
            type: 'string',
          },
        },
        required: [
          'entityRef',
          'repository',
          'dora',
          'demoData',
          'generatedAt',
        ],
        additionalProperties: false,
      },
      DeliveryOverviewService: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: 'The owning group as a full entity ref.',
          },
          repository: {
            type: 'string',
          },
          production: {
            description: 'SHA and time of what production runs.',
            type: 'object',
            properties: {
              sha: {
                type: 'string',
              },
              deployedAt: {
                type: 'string',
              },
            },
            required: ['sha', 'deployedAt'],
            additionalProperties: false,
          },
          stagingAhead: {
            type: 'number',
          },
          pendingApprovals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PendingApproval',
            },
          },
          lastFailure: {
            $ref: '#/components/schemas/DeliveryDeployment',
          },
          dora: {
            $ref: '#/components/schemas/DoraSummary',
          },
        },
        required: ['entityRef', 'repository', 'pendingApprovals', 'dora'],
        additionalProperties: false,
      },
      DeliveryOverviewTeam: {
        type: 'object',
        properties: {
          owner: {
            type: 'string',
          },
          services: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          dora: {
            $ref: '#/components/schemas/DoraSummary',
          },
          pendingApprovals: {
            type: 'number',
          },
        },
        required: ['owner', 'services', 'dora', 'pendingApprovals'],
        additionalProperties: false,
      },
      DeliveryOverviewResponse: {
        type: 'object',
        properties: {
          windowDays: {
            $ref: '#/components/schemas/DoraWindowDays',
          },
          services: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeliveryOverviewService',
            },
          },
          teams: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeliveryOverviewTeam',
            },
          },
          demoData: {
            type: 'boolean',
          },
          generatedAt: {
            type: 'string',
          },
        },
        required: [
          'windowDays',
          'services',
          'teams',
          'demoData',
          'generatedAt',
        ],
        additionalProperties: false,
      },
    },
  },
} as const;
