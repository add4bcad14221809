import { DESK_PATH } from "../paths";

/*
 * Where sign-in sends an editor back to (`?next=`): only a page of the desk,
 * never another site or another part of this one. Anything doubtful falls back
 * to the desk itself rather than being repaired.
 */

/**
 * A safe return address from `raw`: a `/desk` path (with its query), else `/desk`.
 *
 * @example
 * deskReturnAddress("/desk/story/a-story") // "/desk/story/a-story"
 * deskReturnAddress("//evil.example")      // "/desk"
 * deskReturnAddress("/desk/../api/x")      // "/desk"
 */
export function deskReturnAddress(raw: string | null | undefined): string {
  if (!raw || raw.length > 512) return DESK_PATH;
  // Letters, digits and the few signs a desk address uses; no backslash, no %, no dot segment, no scheme.
  if (!/^\/desk(?:\/[a-z0-9-]+)*\/?(?:\?[A-Za-z0-9=&_-]*)?$/.test(raw)) return DESK_PATH;
  // Parsed against a throwaway origin, it must stay on it with the same path.
  const url = new URL(raw, "http://desk.invalid");
  if (url.origin !== "http://desk.invalid" || !(url.pathname === DESK_PATH || url.pathname.startsWith(`${DESK_PATH}/`))) return DESK_PATH;
  return raw;
}
