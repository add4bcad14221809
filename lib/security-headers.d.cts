/** Types of security-headers.cjs (plain CommonJS: the server loads it as it is). */
export declare const DENIED_FEATURES: string[];
export declare const SECURITY_HEADERS: { key: string; value: string }[];
export declare const RESOURCE_POLICY: string;
