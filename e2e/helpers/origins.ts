/** The production server with the shipped content. */
export const SITE_ORIGIN = process.env.E2E_SITE_ORIGIN ?? "http://127.0.0.1:3100";
/** The production server built from the fixture corpus in e2e/fixtures/content. */
export const FIXTURE_ORIGIN = process.env.E2E_FIXTURE_ORIGIN ?? "http://127.0.0.1:3101";

/** Secrets the fixture server runs with (the shipped-content server has none). */
export const PREVIEW_SECRET = "e2e-preview-secret-0f9c";
export const REVALIDATE_SECRET = "e2e-revalidate-secret-7d21";
/** The key the fixture server signs shared preview links with (PREVIEW_LINK_KEY); the shipped-content server has none. */
export const PREVIEW_LINK_KEY = "e2e-preview-link-key-5be1";
