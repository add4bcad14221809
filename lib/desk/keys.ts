import { hkdfSync } from "node:crypto";
import { configuredSecret } from "../publishing/secrets";

/*
 * The desk's signing keys. Sessions and CSRF tokens are signed with keys
 * derived from the newsroom's master secret, PREVIEW_SECRET (HKDF-SHA256, one
 * label per use), so there is no second secret to keep, and changing
 * PREVIEW_SECRET ends every session. Preview links are signed with their own
 * key, PREVIEW_LINK_KEY: rotating it revokes every link without signing
 * editors out, and a link never depends on the master secret.
 */

export type DeskKeys = { session: Buffer; csrf: Buffer };

const SALT = "interbellumnews.desk";

/**
 * The session and CSRF keys for a master secret.
 *
 * @example
 * deriveDeskKeys("s3cret").session.length // 32
 */
export function deriveDeskKeys(masterSecret: string): DeskKeys {
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", masterSecret, SALT, label, 32));
  return { session: derive("desk session v1"), csrf: derive("desk csrf v1") };
}

/** The keys of this server, or undefined when PREVIEW_SECRET is unset (the desk is then closed). */
export function deskKeys(): DeskKeys | undefined {
  const secret = configuredSecret("PREVIEW_SECRET");
  return secret ? deriveDeskKeys(secret) : undefined;
}

/** The key preview links are signed with, or undefined when PREVIEW_LINK_KEY is unset (sharing is off). */
export function linkKey(): string | undefined {
  const value = process.env.PREVIEW_LINK_KEY?.trim();
  return value ? value : undefined;
}
