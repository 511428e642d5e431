/*
 * Generated from plugins/zeroops-backend/src/schema/openapi.yaml by `yarn generate:api-types`
 * (plugins/zeroops-common/scripts/generate-api-types.mjs); do not edit.
 */

/**
 * Routes of the ZeroOps backend API, by path and method.
 *
 * @public
 */
export interface paths {
  '/entities/{kind}/{namespace}/{name}/environments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health and deployment state of every environment of an entity. */
    get: operations['GetEntityEnvironments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/cost': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cost of an entity's service from the latest Cost Explorer snapshot. */
    get: operations['GetEntityCost'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every service the caller may read, with health, cost and budget. */
    get: operations['GetOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/delivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What each GitHub environment of an entity's repository runs and what is on its way.
     * Read from the delivery store (webhooks and the scheduled reconciliation); never calls GitHub. 404 when the entity has no GitHub repository (github.com/project-slug) or when zeroops.delivery.enabled is false; the message says which.
     */
    get: operations['GetEntityDelivery'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/dora': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** DORA metrics of an entity's repository over 7, 30 or 90 days, with bands, targets and a weekly trend. */
    get: operations['GetEntityDora'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/delivery/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery state and DORA of every service the caller may read that has a GitHub repository, and of the teams that own them. */
    get: operations['GetDeliveryOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
/**
 * Schemas, parameters and responses of the ZeroOps backend API.
 *
 * @public
 */
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
        /** A stable code for clients to tell failures apart without reading the message: one of ZeroOpsApiErrorCode for the failures it lists. Other failures carry no code, or a library's own code on a 5xx. */
        code?: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /**
     * not-allowed: the caller lacks catalog.entity.read on the entity or zeroops.cost.read (403); entity-not-found: the catalog has no such entity (404); annotation-missing: the entity has no usable zeroops.io/service-name or AWS ECS service ARN annotation (404); github-repository-missing: the entity names no GitHub repository (404); delivery-disabled: delivery is switched off in this Backstage (404).
     */
    ZeroOpsApiErrorCode:
      | 'not-allowed'
      | 'entity-not-found'
      | 'annotation-missing'
      | 'github-repository-missing'
      | 'delivery-disabled';
    /**
     * not-deployed: ECS reports no such service in the environment (nothing deployed there yet); unknown: AWS, or a signal that could reveal a problem, could not be read.
     */
    HealthStatus: 'healthy' | 'degraded' | 'down' | 'not-deployed' | 'unknown';
    HealthReasonCode:
      | 'service-missing'
      | 'service-inactive'
      | 'no-running-tasks'
      | 'tasks-below-desired'
      | 'scaled-to-zero'
      | 'rollout-in-progress'
      | 'rollout-failed'
      | 'circuit-breaker-rollback'
      | 'alarm'
      | 'unhealthy-targets'
      | 'database-unavailable'
      | 'cache-unavailable'
      | 'data-unavailable'
      | 'alarms-unreadable'
      | 'target-health-unreadable'
      | 'database-unreadable'
      | 'cache-unreadable';
    HealthReason: {
      code: components['schemas']['HealthReasonCode'];
      severity: 'info' | 'unknown' | 'not-deployed' | 'degraded' | 'down';
      /** One sentence a developer can act on, e.g. "1 of 3 tasks running". */
      message: string;
      /** The AWS resource the reason is about (alarm name, target group, cluster id), when any. */
      resource?: string;
    };
    EnvironmentHealth: {
      status: components['schemas']['HealthStatus'];
      /** Every reason found, worst first; empty when healthy. */
      reasons: components['schemas']['HealthReason'][];
    };
    EnvironmentErrorCode:
      | 'throttled'
      | 'access-denied'
      | 'not-found'
      | 'timeout'
      | 'unavailable'
      | 'configuration'
      | 'unknown';
    EnvironmentError: {
      code: components['schemas']['EnvironmentErrorCode'];
      source:
        | 'credentials'
        | 'ecs'
        | 'elbv2'
        | 'cloudwatch'
        | 'rds'
        | 'elasticache'
        | 'cost-explorer'
        | 'budgets';
      /** What failed, including the AWS error name when there is one. */
      message: string;
      /** What to do about it, e.g. the IAM action to grant or the config key to fix. */
      hint: string;
      /** The AWS SDK error name (`ThrottlingException`, `AccessDeniedException`, ...). */
      awsErrorName?: string;
    };
    Deployment: {
      /** ECS deployment id (`ecs-svc/...`). */
      id: string;
      /**
       * `PRIMARY` is the newest one, `ACTIVE` is still running tasks, `INACTIVE` is gone.
       */
      status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
      taskDefinitionArn: string;
      /** Task definition family, e.g. `payments-api-production`. */
      taskDefinitionFamily: string;
      taskDefinitionRevision: number;
      /** Image of the `app` container (or the first container), when the task definition was read. */
      image?: string;
      /** Full 40-hex git commit SHA taken from the image tag, when the tag is one. */
      commitSha?: string;
      /** ISO 8601 time the deployment was created. */
      startedAt: string;
      /** ISO 8601 time of the last change of the deployment. */
      updatedAt?: string;
      rolloutState?: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
      rolloutStateReason?: string;
      desiredCount: number;
      runningCount: number;
      pendingCount: number;
      failedTasks: number;
      strategy: components['schemas']['DeploymentStrategy'];
      /** For BLUE_GREEN: the ECS lifecycle stage of the service deployment (`SCALE_UP`, `TEST_TRAFFIC_SHIFT`, `PRODUCTION_TRAFFIC_SHIFT`, `BAKE_TIME`, `CLEAN_UP`, ...). */
      blueGreenStage?: string;
    };
    DeploymentStrategy: 'ROLLING' | 'BLUE_GREEN';
    DeploymentState: {
      strategy: components['schemas']['DeploymentStrategy'];
      /** The deployment serving traffic (or becoming it). */
      primary?: components['schemas']['Deployment'];
      /** Deployments still running tasks next to the primary (rollouts in flight). */
      inFlight: components['schemas']['Deployment'][];
      /** The most recent failed deployment still reported by ECS, if any. */
      lastFailed?: components['schemas']['Deployment'];
    };
    ServiceEvent: {
      id: string;
      /** ISO 8601 */
      createdAt: string;
      message: string;
    };
    StoppedTask: {
      taskArn: string;
      taskId: string;
      taskDefinitionArn?: string;
      taskDefinitionRevision?: number;
      /** `TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated`, `ServiceSchedulerInitiated`, ... */
      stopCode?: string;
      stoppedReason?: string;
      /** ISO 8601 */
      startedAt?: string;
      /** ISO 8601 */
      stoppedAt?: string;
      containers: {
        name: string;
        exitCode?: number;
        reason?: string;
        image?: string;
      }[];
    };
    EnvironmentLocation: {
      accountId: string;
      region: string;
      cluster: string;
      /** ECS service name (`<service>` or `<service>-pr-<n>`). */
      ecsServiceName: string;
    };
    EnvironmentLinks: {
      /** AWS console page of the ECS service. */
      console: string;
      /** CloudWatch Logs console page of the log group from the task definition, when it uses awslogs. */
      logs?: string;
      /** `awslogs-group` of the task definition. */
      logGroup?: string;
    };
    ServiceSummary: {
      /** `ACTIVE`, `DRAINING` or `INACTIVE`. */
      status: string;
      desiredCount: number;
      runningCount: number;
      pendingCount: number;
      launchType?: string;
      /** ISO 8601 time the ECS service was created (the age of an ephemeral environment). */
      createdAt?: string;
    };
    AlarmSummary: {
      name: string;
      /** The signal part of the name (`alb-5xx`, `p99-latency`, ...), when the name follows the contract. */
      signal?: string;
      state: 'ALARM';
      reason?: string;
      /** ISO 8601 time the alarm entered ALARM. */
      since?: string;
    };
    TargetHealthSummary: {
      targetGroupArn: string;
      targetGroupName: string;
      total: number;
      healthy: number;
      unhealthy: number;
      /** initial, draining, unused, unavailable */
      other: number;
      /** Distinct ELB reason codes/descriptions of unhealthy targets. */
      unhealthyReasons: string[];
    };
    DataStoreStatus: {
      kind: 'aurora' | 'valkey';
      identifier: string;
      /** Raw AWS status (`available`, `modifying`, `create-failed`, ...). */
      status: string;
      available: boolean;
    };
    EntityEnvironment: {
      /** Environment instance name: `production`, `staging`, `pr-12`. */
      name: string;
      /** Name of the configured platform environment (`zeroops.environments[].name`). */
      platformEnvironment: string;
      kind: 'persistent' | 'ephemeral';
      /** Pull request number of an ephemeral instance. */
      pullRequest?: number;
      location: components['schemas']['EnvironmentLocation'];
      health: components['schemas']['EnvironmentHealth'];
      service?: components['schemas']['ServiceSummary'];
      deployment?: components['schemas']['DeploymentState'];
      /** Newest first. */
      events: components['schemas']['ServiceEvent'][];
      /** Newest first. */
      stoppedTasks: components['schemas']['StoppedTask'][];
      alarms: components['schemas']['AlarmSummary'][];
      targets?: components['schemas']['TargetHealthSummary'];
      dataStores: components['schemas']['DataStoreStatus'][];
      links: components['schemas']['EnvironmentLinks'];
      error?: components['schemas']['EnvironmentError'];
      /** AWS did not answer within the request deadline; the read goes on and a later request returns the environment. */
      pending?: boolean;
      partialErrors: components['schemas']['EnvironmentError'][];
      /** ISO 8601 time the AWS data was read (it may come from the short-lived cache). */
      fetchedAt: string;
    };
    EntityEnvironmentsResponse: {
      entityRef: string;
      serviceName: string;
      /** Persistent environments in configuration order, then ephemeral instances by PR number. */
      environments: components['schemas']['EntityEnvironment'][];
      /** True when `zeroops.demoData` is set: the data comes from the simulator. */
      demoData: boolean;
      /** ISO 8601 */
      generatedAt: string;
    };
    MonthlyCost: {
      /** `YYYY-MM` */
      month: string;
      amount: number;
      partial: boolean;
    };
    DailyCost: {
      /** `YYYY-MM-DD` */
      date: string;
      amount: number;
    };
    CostForecast: {
      /** Expected total for the current month. */
      amount: number;
      method: 'run-rate' | 'cost-explorer';
    };
    BudgetState: {
      name: string;
      limit: number;
      currency: string;
      actual: number;
      forecast?: number;
      /** actual / limit × 100 */
      consumedPercent: number;
      /** forecast / limit × 100 */
      forecastPercent?: number;
      status: 'ok' | 'at-risk' | 'over';
    };
    EnvironmentCost: {
      /** `production`, `staging`, `pr-12` (the `zeroops:environment` tag value). */
      environment: string;
      kind: 'persistent' | 'ephemeral';
      monthToDate: number;
      forecast: components['schemas']['CostForecast'];
      /** Current month and the 5 before it, oldest first. */
      months: components['schemas']['MonthlyCost'][];
      /** Last 30 days ending on the snapshot day, oldest first. */
      days: components['schemas']['DailyCost'][];
    };
    EntityCostResponse: {
      entityRef: string;
      serviceName: string;
      currency: string;
      monthToDate: number;
      forecast: components['schemas']['CostForecast'];
      /** Current month and the 5 before it, oldest first. */
      months: components['schemas']['MonthlyCost'][];
      /** Last 30 days ending on the snapshot day, oldest first. */
      days: components['schemas']['DailyCost'][];
      /** Per environment instance, persistent first then ephemeral by PR number. */
      environments: components['schemas']['EnvironmentCost'][];
      budget?: components['schemas']['BudgetState'];
      /** ISO 8601 time of the snapshot; null before the first refresh. */
      lastRefreshedAt: string | null;
      demoData: boolean;
    };
    OverviewEnvironment: {
      name: string;
      kind: 'persistent' | 'ephemeral';
      health: components['schemas']['HealthStatus'];
      /** Codes of the reasons, worst first. */
      reasons: components['schemas']['HealthReasonCode'][];
      /** Set when AWS could not be read for this environment. */
      errorCode?: components['schemas']['EnvironmentErrorCode'];
      /** AWS is still being read for this environment; ask again shortly. */
      pending?: boolean;
    };
    OverviewEphemeralEnvironment: {
      name: string;
      pullRequest: number;
      /** The pull request in the service's repository, when the entity says where that is. */
      pullRequestUrl?: string;
      health: components['schemas']['HealthStatus'];
      /** ISO 8601 creation time of the ECS service. */
      createdAt?: string;
      /** Age in whole hours at `generatedAt`. */
      ageHours?: number;
      /** Month-to-date cost; absent when the caller may not read cost or no snapshot exists. */
      monthToDate?: number;
    };
    OverviewService: {
      entityRef: string;
      title?: string;
      serviceName: string;
      /** Entity ref of `spec.owner` (`group:default/team-checkout`), however the entity wrote it. */
      owner?: string;
      /** Entity ref of `spec.system` (`system:default/checkout`), however the entity wrote it. */
      system?: string;
      /** The source repository (github.com/project-slug, or a GitHub/GitLab backstage.io/source-location). */
      repositoryUrl?: string;
      /** Persistent environments in configuration order. */
      environments: components['schemas']['OverviewEnvironment'][];
      /** Pull-request environments by PR number. */
      ephemeral: components['schemas']['OverviewEphemeralEnvironment'][];
      cost?: {
        monthToDate: number;
        forecast: components['schemas']['CostForecast'];
        budget?: components['schemas']['BudgetState'];
      };
    };
    OverviewResponse: {
      services: components['schemas']['OverviewService'][];
      /** False when the caller is not allowed `zeroops.cost.read`: no cost figures are included. */
      costVisible: boolean;
      /** Sum over the listed services, when cost is visible. */
      totals?: {
        monthToDate: number;
        forecast: number;
        currency: string;
      };
      /** ISO 8601 time of the cost snapshot; null before the first refresh. */
      costLastRefreshedAt: string | null;
      demoData: boolean;
      /** ISO 8601 */
      generatedAt: string;
    };
    DeliveryDeploymentState:
      | 'queued'
      | 'pending'
      | 'in_progress'
      | 'success'
      | 'failure'
      | 'error'
      | 'inactive'
      | 'rolled_back';
    /** One GitHub deployment of task deploy:zeroops with its newest status. */
    DeliveryDeployment: {
      /** `owner/name`, lower case. */
      repository: string;
      /** GitHub deployment id. */
      deploymentId: number;
      /** `production`, `staging` or `pr-<n>`. */
      environment: string;
      /** Full 40-hex commit SHA. */
      sha: string;
      /** Branch the deployed commit came from (`main`, `hotfix/…`, a pull request's head branch): the `branch` of the ZeroOps deployment payload; GitHub's own `ref` is the SHA. Deployments of older workflows carry no payload branch and keep GitHub's `ref`. */
      ref: string;
      /** When GitHub created the deployment (the rollout started). */
      createdAt: string;
      state: components['schemas']['DeliveryDeploymentState'];
      /** When the newest status was written. */
      updatedAt: string;
      /** When the rollout ended (first `success`, `failure` or `error` status); absent while running. */
      finishedAt?: string;
      /** ECS service deployment ARN from the status description, joining GitHub's and AWS's views. */
      ecsServiceDeploymentArn?: string;
      /** Why the rollout counts as rolled back (`circuit-breaker`, `alarm`, …), when AWS said so. */
      rollbackReason?: string;
      /** Committer time of `sha`. */
      commitAt?: string;
      /** Time of the first commit of the change: the pull request's first commit when the SHA came from a merged pull request, else the earliest commit of the push that brought it. */
      firstCommitAt?: string;
      /** The pull request that was merged to produce `sha`, when there was one. */
      pullRequest?: number;
      /** The workflow run that deployed, for links. */
      workflowRunId?: number;
      workflowRunUrl?: string;
      /** GitHub login that triggered the deployment. */
      creator?: string;
    };
    PendingApproval: {
      repository: string;
      environment: string;
      workflowRunId: number;
      /** The workflow run page, where reviewers approve or reject. */
      reviewUrl: string;
      sha: string;
      /** When the run started waiting. */
      waitingSince: string;
      /** Logins and team slugs that may approve. */
      reviewers: string[];
    };
    StagingAhead: {
      productionSha: string;
      stagingSha: string;
      /** `ahead_by` of the comparison. */
      commits: number;
      compareUrl: string;
      /** When the comparison was read. */
      comparedAt: string;
    };
    DeliveryEnvironment: {
      /** `production`, `staging` or `pr-<n>`. */
      name: string;
      /** The newest successful deployment: what the environment runs. */
      current?: components['schemas']['DeliveryDeployment'];
      /** A deployment that has started and not ended. */
      inProgress?: components['schemas']['DeliveryDeployment'];
      /** The newest failed or rolled-back deployment, when it is newer than `current`. */
      lastFailure?: components['schemas']['DeliveryDeployment'];
      /** Runs waiting for a reviewer before they deploy here. */
      pendingApprovals: components['schemas']['PendingApproval'][];
    };
    EntityDeliveryResponse: {
      entityRef: string;
      /** `owner/name` read from `github.com/project-slug` or the source location. */
      repository: string;
      repositoryUrl: string;
      /** production, staging, then pull-request environments by number. */
      environments: components['schemas']['DeliveryEnvironment'][];
      /** Commits in staging not yet in production; absent when unknown or equal. */
      stagingAhead?: components['schemas']['StagingAhead'];
      /** The newest failed or rolled-back deployment in any persistent environment. */
      lastFailure?: components['schemas']['DeliveryDeployment'];
      /** ISO 8601 time the last webhook or reconciliation touched this repository; null if never. */
      lastSyncedAt: string | null;
      demoData: boolean;
      generatedAt: string;
    };
    DoraBand: 'elite' | 'high' | 'medium' | 'low' | 'no-data';
    DoraWindowDays: 7 | 30 | 90;
    /** deploymentFrequency in changes per day, leadTime and timeToRestore as median minutes, changeFailureRate as a fraction 0-1; value absent when there is nothing to measure. */
    DoraMetric: {
      /** deploymentFrequency: successful production changes per day; leadTime and timeToRestore: median minutes; changeFailureRate: a fraction 0–1. Absent when there is nothing to measure. */
      value?: number;
      /** How many observations the value rests on: deploymentFrequency and leadTime, changes deployed in the window; changeFailureRate, changes with a finished production deployment in the window; timeToRestore, incidents restored in the window. */
      samples: number;
      /** Observations left out because a time was missing: for leadTime, deployed changes whose records carry neither `firstCommitAt` nor `commitAt`. Absent for the other metrics. */
      excluded?: number;
      band: components['schemas']['DoraBand'];
      /** The seed's target for this metric, in the same unit as `value`. */
      target: number;
      /** Absent when there is no value. */
      meetsTarget?: boolean;
    };
    DoraWeek: {
      /** ISO 8601 date of the Monday. The first and last weeks are clipped to the window. */
      weekStart: string;
      /** Changes whose first successful production deployment finished in the week. */
      deployments: number;
      leadTimeMinutes?: number;
      changeFailureRate?: number;
      timeToRestoreMinutes?: number;
    };
    DoraSummary: {
      windowDays: components['schemas']['DoraWindowDays'];
      /** ISO 8601, inclusive. */
      from: string;
      /** ISO 8601, exclusive. */
      to: string;
      deploymentFrequency: components['schemas']['DoraMetric'];
      leadTime: components['schemas']['DoraMetric'];
      changeFailureRate: components['schemas']['DoraMetric'];
      timeToRestore: components['schemas']['DoraMetric'];
      /** Failures with no healthy production deployment after them yet. */
      openIncidents: number;
      weekly: components['schemas']['DoraWeek'][];
    };
    EntityDoraResponse: {
      entityRef: string;
      repository: string;
      dora: components['schemas']['DoraSummary'];
      demoData: boolean;
      generatedAt: string;
    };
    DeliveryOverviewService: {
      entityRef: string;
      title?: string;
      /** The owning group as a full entity ref. */
      owner?: string;
      repository: string;
      /** SHA and time of what production runs. */
      production?: {
        sha: string;
        deployedAt: string;
      };
      stagingAhead?: number;
      pendingApprovals: components['schemas']['PendingApproval'][];
      lastFailure?: components['schemas']['DeliveryDeployment'];
      dora: components['schemas']['DoraSummary'];
    };
    DeliveryOverviewTeam: {
      owner: string;
      services: string[];
      dora: components['schemas']['DoraSummary'];
      pendingApprovals: number;
    };
    DeliveryOverviewResponse: {
      windowDays: components['schemas']['DoraWindowDays'];
      services: components['schemas']['DeliveryOverviewService'][];
      teams: components['schemas']['DeliveryOverviewTeam'][];
      demoData: boolean;
      generatedAt: string;
    };
  };
  responses: {
    /** A Backstage error body. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid. */
    kind: string;
    namespace: string;
    name: string;
    /** Days of the DORA window (default 30). */
    window: '7' | '30' | '90';
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/**
 * Operations of the ZeroOps backend API, by operationId.
 *
 * @public
 */
export interface operations {
  GetEntityEnvironments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid. */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Every environment; one that AWS failed for carries an error. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityEnvironmentsResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      503: components['responses']['ErrorResponse'];
    };
  };
  GetEntityCost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid. */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Cost figures; lastRefreshedAt is null before the first refresh. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityCostResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      503: components['responses']['ErrorResponse'];
    };
  };
  GetOverview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverviewResponse'];
        };
      };
      401: components['responses']['ErrorResponse'];
    };
  };
  GetEntityDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid. */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Delivery state; lastSyncedAt is null before the first sync. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityDeliveryResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      503: components['responses']['ErrorResponse'];
    };
  };
  GetEntityDora: {
    parameters: {
      query?: {
        /** Days of the DORA window (default 30). */
        window?: components['parameters']['window'];
      };
      header?: never;
      path: {
        /** Entity kind. Every entity route checks kind, namespace and name against the catalog's entity ref rules and answers 400 naming the part that is not valid. */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** DORA metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityDoraResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      503: components['responses']['ErrorResponse'];
    };
  };
  GetDeliveryOverview: {
    parameters: {
      query?: {
        /** Days of the DORA window (default 30). */
        window?: components['parameters']['window'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Services and teams. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryOverviewResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
}
