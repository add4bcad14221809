/** Types of csp.mjs (plain JavaScript so the server can load it outside the bundle). */
export declare const PER_REQUEST_STYLE_ATTRIBUTES: string;
export declare const RESOURCE_POLICY: string;
export declare function hashSource(text: string): string;
export declare function isFrameworkScript(text: string): boolean;
export declare function inlineSources(html: string): {
  scripts: string[];
  styleElements: string[];
  styleAttributes: string[];
  refused: string[];
};
export declare function htmlPolicy(html: string): string;
export declare function policyFor(sources: { scripts: string[]; styleElements: string[]; styleAttributes: string[] }): string;
export declare function noncePolicy(nonce: string): string;
