export { zeroOpsApiRef } from './ZeroOpsApi';
export type { ZeroOpsApi, ZeroOpsRequestOptions } from './ZeroOpsApi';
export { ZeroOpsClient } from './ZeroOpsClient';
