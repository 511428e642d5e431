/**
 * Common types, naming rules, permissions and pricing of the ZeroOps plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './naming';
export * from './api';
export * from './permissions';
export * from './health';
export * from './images';
export * from './pricing';
export * from './repositoryLinks';
export * from './templateVersion';
export * from './localChanges';
export * from './platformEntity';
export * from './delivery';
export * from './release';
