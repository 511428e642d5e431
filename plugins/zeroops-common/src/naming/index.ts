/**
 * The naming contract: AWS name limits, environment forms, every name derived from service and
 * environment, the longest service name derived from both, reserved names and listener rule
 * priorities.
 */
export * from './limits';
export * from './environments';
export * from './names';
export * from './serviceName';
export * from './listenerRulePriorities';
export * from './constants';
