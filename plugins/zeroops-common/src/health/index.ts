export * from './rules';
export * from './unreadableSignals';
