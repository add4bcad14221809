/** Types of cache-handler.mjs (plain JavaScript: the server loads it outside the bundle). */
export default class CspCacheHandler {
  constructor(options: {
    fs: unknown;
    flushToDisk?: boolean;
    serverDistDir: string;
    maxMemoryCacheSize?: number;
    revalidatedTags?: string[];
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(key: string, ctx: object): Promise<any>;
  set(key: string, data: object | null, ctx: object): Promise<void>;
}
