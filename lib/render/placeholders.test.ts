import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { blurDataUrl, encodePlaceholder } from "./placeholders";

describe("blur placeholders", () => {
  it("encode a picture as a WebP data URL of a few hundred bytes at most", async () => {
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#a3161a" } })
      .jpeg()
      .toBuffer();
    const url = await encodePlaceholder(jpeg);
    expect(url).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    expect(url.length).toBeLessThan(400);
    const meta = await sharp(Buffer.from(url.split(",")[1]!, "base64")).metadata();
    expect([meta.width, meta.height]).toEqual([10, 7]);
  });

  it("are computed once per shipped image and shared by later calls", async () => {
    const first = blurDataUrl("/images/putin-xi-moscow.jpg");
    const second = blurDataUrl("/images/putin-xi-moscow.jpg");
    expect(second).toBe(first);
    expect(await first).toMatch(/^data:image\/webp;base64,/);
  });

  it("are absent for a missing file or a path outside public/", async () => {
    expect(await blurDataUrl("/images/no-such-picture.jpg")).toBeUndefined();
    expect(await blurDataUrl("/../package.json")).toBeUndefined();
  });
});
