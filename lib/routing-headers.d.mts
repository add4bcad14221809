/** Types of routing-headers.mjs (plain JavaScript so the server can load it outside the bundle). */
export declare const RETRACTED_HEADER: string;
