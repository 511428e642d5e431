// The part of node-postgres the smoke tests use (the package ships no types and @types/pg is not
// installed): enough to drop the databases a test backend created.
declare module 'pg' {
  export class Client {
    constructor(options: {
      host: string;
      port: number;
      user: string;
      database: string;
    });
    connect(): Promise<void>;
    query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
    end(): Promise<void>;
  }
}
