import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "tools/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    // Tests write many small corpora; their content indexes go to the system's temporary folder, not .cache/.
    env: { CONTENT_INDEX_DIR: path.join(os.tmpdir(), "ibn-test-content-index") },
    // The machine is shared (2 cores, other builds running): a test that takes 1 s alone can take 8.
    testTimeout: 30_000,
  },
});
