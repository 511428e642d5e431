import type { ErrorInfo } from './HttpReply.ts';

/**
 * An error the simulated service answers with. `code` is what AWS puts in `__type` (JSON) or
 * `<Code>` (XML), which is what the SDK turns into an error class; `queryCode` is the awsQuery
 * code of awsQuery-compatible JSON services (CloudWatch) when it differs.
 */
export class AwsError extends Error implements ErrorInfo {
  readonly code: string;
  readonly status: number;
  readonly queryCode?: string;

  constructor(options: {
    code: string;
    message: string;
    status?: number;
    queryCode?: string;
  }) {
    super(options.message);
    this.name = 'AwsError';
    this.code = options.code;
    this.status = options.status ?? 400;
    this.queryCode = options.queryCode;
  }
}
