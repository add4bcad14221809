import { describe, expect, it } from "vitest";
import { HERO_CROPS, cropPath } from "./crops";

describe("hero crops", () => {
  it("offers 16:9, 4:3 and 1:1, each at least 1200 px wide", () => {
    expect(HERO_CROPS.map((c) => c.name)).toEqual(["16x9", "4x3", "1x1"]);
    for (const crop of HERO_CROPS) {
      expect(crop.width).toBeGreaterThanOrEqual(1200);
      const [w, h] = crop.name.split("x").map(Number) as [number, number];
      expect(crop.width / crop.height).toBeCloseTo(w / h, 5);
    }
  });

  it("maps a hero path to its crop path, keeping sub-folders and ending in .jpg", () => {
    expect(cropPath("/images/putin-xi-moscow.jpg", { name: "16x9" })).toBe("/images/crops/16x9/putin-xi-moscow.jpg");
    expect(cropPath("/images/2025/map.png", { name: "1x1" })).toBe("/images/crops/1x1/2025/map.jpg");
    expect(cropPath("/images/photo.jpeg", { name: "4x3" })).toBe("/images/crops/4x3/photo.jpg");
  });
});
