import { describe, expect, it } from "vitest";
import { deskReturnAddress } from "./return-address";

describe("deskReturnAddress", () => {
  it("keeps a desk path", () => {
    for (const ok of ["/desk", "/desk/story/a-story", "/desk/story/a-story/article", "/desk?x=1"]) expect(deskReturnAddress(ok), ok).toBe(ok);
  });
  it("sends anything else to the desk", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "//evil.example",
      "///evil.example",
      "https://evil.example/desk",
      "http:/desk",
      "/\\evil.example",
      "\\\\evil.example",
      "/desk/../api/revalidate",
      "/desk/%2e%2e/api",
      "/desk%2f..%2fapi",
      "/desk/..%5capi",
      "/desk/./story",
      "/deskop",
      "/desktop",
      "/world/a-story",
      "/desk/story/x#frag",
      "/desk/story/x\n/evil",
      "javascript:alert(1)",
      "/desk/" + "a".repeat(600),
      "%2F%2Fevil.example",
      " /desk",
    ]) {
      expect(deskReturnAddress(bad), String(bad)).toBe("/desk");
    }
  });
});
