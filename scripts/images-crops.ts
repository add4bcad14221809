/*
 * npm run images:crops: the 16:9, 4:3 and 1:1 crops of every hero image
 * (tools/hero-crops.ts). `npm run build`, `build:fixtures` and `dev` run it first.
 */
import { CROPS_DIR } from "../lib/seo/crops";
import { renderHeroCrops } from "../tools/hero-crops";

renderHeroCrops().then(
  ({ made, kept }) => console.log(`make-crops: ${made} made, ${kept} up to date in public/${CROPS_DIR}`),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
