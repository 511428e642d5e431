/**
 * The field's own tools, run on what ZeroOps generates: Checkov (Terraform), actionlint and
 * zizmor (workflows), moto (the AWS peer of our simulator). Each run is recorded for the
 * per-tool, per-scenario table that `make test` prints.
 */
export * from './actionlint';
export * from './checkov';
export * from './results';
export * from './toolPaths';
export * from './zizmor';
