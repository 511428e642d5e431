/**
 * Classification of an AWS failure for one environment. The other environments of the same
 * entity still return data.
 *
 * @public
 */
export type EnvironmentErrorCode =
  | 'throttled'
  | 'access-denied'
  | 'not-found'
  | 'timeout'
  | 'unavailable'
  | 'configuration'
  | 'unknown';

/**
 * The AWS API family that failed.
 *
 * @public
 */
export type AwsDataSource =
  | 'credentials'
  | 'ecs'
  | 'elbv2'
  | 'cloudwatch'
  | 'rds'
  | 'elasticache'
  | 'cost-explorer'
  | 'budgets';

/** @public */
export interface EnvironmentError {
  code: EnvironmentErrorCode;
  source: AwsDataSource;
  /** What failed, including the AWS error name when there is one. */
  message: string;
  /** What to do about it, e.g. the IAM action to grant or the config key to fix. */
  hint: string;
  /** The AWS SDK error name (`ThrottlingException`, `AccessDeniedException`, ...). */
  awsErrorName?: string;
}
