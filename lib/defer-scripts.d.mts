/** Types of defer-scripts.mjs (plain JavaScript so the cache handler can load it outside the bundle). */
export declare function loaderScript(sources: string[]): string;
export declare function loaderSources(text: string): string[] | null;
export declare function deferFrameworkScripts(html: string): string;
