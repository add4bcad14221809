import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, addCompileHints, withCompileHint } from "./compile-hints";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A build directory shaped like Next.js 16's: a build manifest and `static/chunks`. */
function build(files: Record<string, string>, manifest: object | null = { polyfillFiles: ["static/chunks/poly.js"] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-hints-"));
  dirs.push(dir);
  if (manifest) fs.writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), "utf8");

describe("withCompileHint", () => {
  it("puts the magic comment on the first line, before anything else", () => {
    expect(withCompileHint("(()=>{})();")).toBe("//# allFunctionsCalledOnLoad\n(()=>{})();");
  });
  it("adds it once", () => {
    expect(withCompileHint(withCompileHint("a()"))).toBe(`${COMPILE_HINT}a()`);
  });
  it("does not take a later mention for the hint (V8 reads it only at the top)", () => {
    const source = `a();\n${COMPILE_HINT}`;
    expect(withCompileHint(source)).toBe(COMPILE_HINT + source);
  });
});

describe("addCompileHints", () => {
  it("hints every framework chunk, nested ones too, and leaves the polyfills, CSS and other files alone", () => {
    const dir = build({
      "static/chunks/main.js": "main()",
      "static/chunks/app/page.js": "page()",
      "static/chunks/poly.js": "polyfill()",
      "static/chunks/site.css": "body{}",
      "static/build/_buildManifest.js": "self.__BUILD_MANIFEST={}",
      "server/app/page.js": "server()",
    });
    expect(addCompileHints(dir)).toEqual(["static/chunks/app/page.js", "static/chunks/main.js"]);
    expect(read(dir, "static/chunks/main.js")).toBe(`${COMPILE_HINT}main()`);
    expect(read(dir, "static/chunks/app/page.js")).toBe(`${COMPILE_HINT}page()`);
    expect(read(dir, "static/chunks/poly.js")).toBe("polyfill()");
    expect(read(dir, "static/chunks/site.css")).toBe("body{}");
    expect(read(dir, "static/build/_buildManifest.js")).toBe("self.__BUILD_MANIFEST={}");
    expect(read(dir, "server/app/page.js")).toBe("server()");
  });

  it("changes nothing the second time (a rerun step or a copied build stays byte for byte the same)", () => {
    const dir = build({ "static/chunks/main.js": "main()" });
    addCompileHints(dir);
    const once = read(dir, "static/chunks/main.js");
    expect(addCompileHints(dir)).toEqual([]);
    expect(read(dir, "static/chunks/main.js")).toBe(once);
  });

  it("keeps the chunk's code intact (UTF-8 text included)", () => {
    const code = 'console.log("Ω — «ok»");\n//# sourceMappingURL=main.js.map';
    const dir = build({ "static/chunks/main.js": code });
    addCompileHints(dir);
    expect(read(dir, "static/chunks/main.js").slice(COMPILE_HINT.length)).toBe(code);
  });

  it("refuses a directory that is not a Next.js build, naming what is missing", () => {
    expect(() => addCompileHints(build({ "static/chunks/main.js": "main()" }, null))).toThrow(/build-manifest\.json not found/);
    expect(() => addCompileHints(build({ "static/chunks/poly.js": "polyfill()" }))).toThrow(/no JavaScript chunks/);
  });
});
