import { budgetsService } from './budgetsService.ts';
import { cloudfrontService } from './cloudfrontService.ts';
import { cloudwatchService } from './cloudwatchService.ts';
import { costExplorerService } from './costExplorerService.ts';
import { ecsService } from './ecs/ecsService.ts';
import { elasticacheService } from './elasticacheService.ts';
import { elbv2Service } from './elbv2Service.ts';
import { rdsService } from './rdsService.ts';
import { stsService } from './stsService.ts';
import { taggingService } from './taggingService.ts';
import type { ServiceDefinition } from './types.ts';

/** Every simulated service, by SigV4 signing name. */
export const SERVICES: ReadonlyMap<string, ServiceDefinition> = new Map(
  [
    ecsService,
    elbv2Service,
    cloudwatchService,
    rdsService,
    elasticacheService,
    cloudfrontService,
    costExplorerService,
    budgetsService,
    stsService,
    taggingService,
  ].map(service => [service.signingName, service]),
);

/** `service:Operation` of every simulated operation, for documentation and tests. */
export function simulatedOperations(): string[] {
  return [...SERVICES.values()].flatMap(service =>
    Object.keys(service.operations).map(op => `${service.signingName}:${op}`),
  );
}
