/** The one annotation a catalog entity needs; written by the ZeroOps templates. @public */
export const ZEROOPS_SERVICE_NAME_ANNOTATION = 'zeroops.io/service-name';

/**
 * Annotation of the AWS ECS plugin for Backstage (awslabs/backstage-plugins-for-aws), read too so
 * that entities already annotated for it work unchanged. @public
 */
export const AWS_ECS_SERVICE_ARN_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-arn';
