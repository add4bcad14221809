/** Types of request-guard.mjs (plain JavaScript: the server loads it as it is). */
export declare const MAX_TARGET_LENGTH: number;
export declare const SAFE_METHODS: string[];
export type Verdict = { ok: true } | { ok: false; status: 400 | 405 | 414; reason: string };
export declare function checkRequest(method: string | undefined, url: string | undefined): Verdict;
export declare function mayRenderPage(url: string): boolean;
