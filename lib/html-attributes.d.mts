/** Types of html-attributes.mjs (plain JavaScript, loaded outside the bundle). */
export declare const ATTRS: string;
export declare function attributes(attrs: string): Map<string, string>;
export declare function decodeEntities(value: string): string;
