import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AWS_ECS_SERVICE_ARN_ANNOTATION,
  ZEROOPS_SERVICE_NAME_ANNOTATION,
} from '@zeroops/backstage-plugin-zeroops-common';

/** An ECS service named by an ARN. */
export interface EcsServiceArn {
  accountId: string;
  region: string;
  cluster: string;
  serviceName: string;
}

/** The AWS service behind a catalog entity. */
export interface ServiceTarget {
  entityRef: string;
  serviceName: string;
  /**
   * Set when the entity only carries the AWS ECS plugin's annotation: the one ECS service it
   * names is shown, instead of the service in every configured environment.
   */
  ecsServiceArn?: EcsServiceArn;
}

const ECS_SERVICE_ARN_PATTERN =
  /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):service\/([^/]+)\/([^/]+)$/;

/** `arn:aws:ecs:<region>:<account>:service/<cluster>/<service>`; the short ARN form has no cluster and is rejected. */
export function parseEcsServiceArn(arn: string): EcsServiceArn | undefined {
  const match = ECS_SERVICE_ARN_PATTERN.exec(arn.trim());
  if (!match) return undefined;
  return {
    region: match[1],
    accountId: match[2],
    cluster: match[3],
    serviceName: match[4],
  };
}

/** Why an entity cannot be shown, naming the annotation to add. */
export function explainMissingAnnotation(entity: Entity): string {
  const arn = entity.metadata.annotations?.[AWS_ECS_SERVICE_ARN_ANNOTATION];
  if (arn) {
    return `Entity ${stringifyEntityRef(
      entity,
    )} has an invalid ${AWS_ECS_SERVICE_ARN_ANNOTATION} annotation "${arn}" (expected arn:aws:ecs:<region>:<account>:service/<cluster>/<service>); add the ${ZEROOPS_SERVICE_NAME_ANNOTATION} annotation instead`;
  }
  return `Entity ${stringifyEntityRef(
    entity,
  )} is missing the ${ZEROOPS_SERVICE_NAME_ANNOTATION} annotation (or ${AWS_ECS_SERVICE_ARN_ANNOTATION}); add "${ZEROOPS_SERVICE_NAME_ANNOTATION}: <service name>" to metadata.annotations`;
}

/**
 * Reads the entity's annotations: `zeroops.io/service-name` first, else the AWS ECS plugin's
 * `aws.amazon.com/amazon-ecs-service-arn` so entities annotated for that plugin work as is.
 */
export function serviceTargetOf(entity: Entity): ServiceTarget | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  const serviceName = annotations[ZEROOPS_SERVICE_NAME_ANNOTATION]?.trim();
  if (serviceName) return { entityRef, serviceName };
  const arn = annotations[AWS_ECS_SERVICE_ARN_ANNOTATION];
  const parsed = arn ? parseEcsServiceArn(arn) : undefined;
  if (parsed) {
    return {
      entityRef,
      serviceName: parsed.serviceName,
      ecsServiceArn: parsed,
    };
  }
  return undefined;
}
