/** Types of compression.mjs (plain JavaScript so the server can load it outside the bundle). */
import type { IncomingMessage, ServerResponse } from "node:http";
export declare function acceptsGzip(header: string | undefined): boolean;
export declare function notModified(header: string | undefined, etag: string): boolean;
export declare class GzipCache {
  constructor(maxBytes: number);
  maxBytes: number;
  bytes: number;
  entries: Map<string, Buffer>;
  hits: number;
  misses: number;
  gzip(key: string, body: Buffer | (() => Buffer)): Buffer;
}
export declare function compressResponse(req: IncomingMessage, res: ServerResponse, cache: GzipCache): void;
