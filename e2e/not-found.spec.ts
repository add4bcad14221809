import { expect, test } from "@playwright/test";
import { SEED } from "./helpers/seed";

const unknown = [
  "/no-such-section",
  "/world/no-such-story",
  // A real story under the wrong section is not a second address for it.
  SEED.path.replace("/world/", "/security/"),
  "/world/russia-and-china/extra/segments",
];

for (const path of unknown) {
  test(`${path} answers a real 404 with a helpful page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await expect(page.getByRole("link", { name: "Front page" })).toHaveAttribute("href", "/");
  });
}
