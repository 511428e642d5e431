/** A complete HTTP answer, built by a protocol writer and sent by the server. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The error fields every protocol writer needs. */
export interface ErrorInfo {
  code: string;
  message: string;
  status: number;
  /** awsQuery code for awsQuery-compatible JSON services. */
  queryCode?: string;
}

export function faultTypeOf(status: number): 'Sender' | 'Receiver' {
  return status >= 500 ? 'Receiver' : 'Sender';
}
