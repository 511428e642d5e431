export * from './health';
export * from './errors';
export * from './deployments';
export * from './environments';
export * from './cost';
export * from './overview';
export * from './delivery';
export type { paths, components, operations } from './generated/openapi';
