export * from './githubDeployments';
export * from './records';
export * from './dora.types';
