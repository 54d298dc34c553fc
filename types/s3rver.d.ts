declare module "s3rver" {
  import type { Server } from "node:http";

  type BucketConfig = { name: string; configs?: Array<string | Buffer> };
  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: BucketConfig[];
  };

  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer?: Server;
    /** Koa's middleware stack (S3rver extends Koa). */
    middleware: Array<(ctx: never, next: () => Promise<unknown>) => unknown>;
  }
}
