/*
 * Renders the stand-in hero images under public/images/. The newsroom's
 * licensed photos cannot be shipped with the code, so each story gets a sober
 * typographic plate of the same size class (2400×1600, 3:2) that is clearly
 * marked as a stand-in. Run: npx tsx scripts/make-images.ts [name.jpg …]
 * (no names: all of them). placeholder.jpg is the picture `content:new` puts
 * on a new draft; content checking refuses to publish a story still using it.
 */
import path from "node:path";
import sharp from "sharp";

const W = 2400;
const H = 1600;
const OUT = path.resolve("public/images");

const INK = "#14181f";
const PAPER = "#f4f1ea";

function frame(inner: string, label: string, place: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <rect width="${W}" height="${H}" fill="${INK}"/>
  ${inner}
  <rect x="0" y="${H - 220}" width="${W}" height="220" fill="${INK}" fill-opacity="0.86"/>
  <text x="120" y="${H - 118}" font-family="DejaVu Serif, serif" font-size="88" fill="${PAPER}">${label}</text>
  <text x="120" y="${H - 48}" font-family="DejaVu Sans, sans-serif" font-size="40" letter-spacing="6" fill="#b9b2a3">${place.toUpperCase()}</text>
  <text x="${W - 120}" y="${H - 48}" text-anchor="end" font-family="DejaVu Sans, sans-serif" font-size="34" letter-spacing="4" fill="#8d877b">STAND-IN IMAGE · INTER BELLUM NEWS</text>
</svg>`;
}

function star(cx: number, cy: number, r: number, fill: string, rotate = 0): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r : r * 0.382;
    const a = ((Math.PI * 2) / 10) * i - Math.PI / 2;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${pts.join(" ")}" fill="${fill}" transform="rotate(${rotate} ${cx} ${cy})"/>`;
}

const russiaBands = (x: number, w: number, h: number) =>
  `<rect x="${x}" y="0" width="${w}" height="${h / 3}" fill="#ffffff"/>
   <rect x="${x}" y="${h / 3}" width="${w}" height="${h / 3}" fill="#0039a6"/>
   <rect x="${x}" y="${(2 * h) / 3}" width="${w}" height="${h / 3}" fill="#d52b1e"/>`;

const images: Record<string, string> = {
  "putin-xi-moscow.jpg": frame(
    `${russiaBands(0, W / 2, H)}
     <rect x="${W / 2}" y="0" width="${W / 2}" height="${H}" fill="#de2910"/>
     ${star(W / 2 + 320, 340, 190, "#ffde00")}
     ${[[560, 160], [660, 270], [660, 420], [560, 520]].map(([dx, dy], i) => star(W / 2 + dx!, dy!, 64, "#ffde00", 20 + i * 15)).join("")}
     <line x1="${W / 2}" y1="0" x2="${W / 2}" y2="${H}" stroke="${INK}" stroke-width="16"/>`,
    "Russia and China: Power of Siberia 2",
    "Moscow · 8 May 2025",
  ),
  "victory-day-red-square.jpg": frame(
    `<rect width="${W}" height="${H}" fill="#5b0f12"/>
     <rect x="0" y="980" width="${W}" height="400" fill="#3b0a0c"/>
     ${Array.from({ length: 13 }, (_, i) => `<rect x="${140 + i * 170}" y="${900 - (i % 3) * 30}" width="110" height="${480 + (i % 3) * 30}" fill="#7a1a1d"/>`).join("")}
     <text x="${W / 2}" y="760" text-anchor="middle" font-family="DejaVu Serif, serif" font-weight="bold" font-size="560" fill="#f2c14e">80</text>
     ${star(W / 2, 170, 110, "#f2c14e")}`,
    "Victory Day on Red Square",
    "Moscow · 9 May 2025",
  ),
  "russia-venezuela-flags.jpg": frame(
    `${russiaBands(0, W / 2, H)}
     <rect x="${W / 2}" y="0" width="${W / 2}" height="${H / 3}" fill="#ffcc00"/>
     <rect x="${W / 2}" y="${H / 3}" width="${W / 2}" height="${H / 3}" fill="#00247d"/>
     <rect x="${W / 2}" y="${(2 * H) / 3}" width="${W / 2}" height="${H / 3}" fill="#cf142b"/>
     ${Array.from({ length: 8 }, (_, i) => {
       // Venezuela's eight stars stand on an arc over the centre of the blue band.
       const a = Math.PI * (5 / 6 - ((4 / 6) * i) / 7);
       return star((3 * W) / 4 + 330 * Math.cos(a), 1010 - 330 * Math.sin(a), 46, "#ffffff");
     }).join("")}
     <line x1="${W / 2}" y1="0" x2="${W / 2}" y2="${H}" stroke="${INK}" stroke-width="16"/>`,
    "Russia and Venezuela: a strategic partnership",
    "Moscow · 7 May 2025",
  ),
  "victory-day-ceasefire.jpg": frame(
    `<rect width="${W}" height="${H}" fill="#e9e4d8"/>
     ${["8", "9", "10"].map((d, i) => {
       const x = 300 + i * 620;
       return `<rect x="${x}" y="240" width="560" height="760" rx="24" fill="#ffffff" stroke="#14181f" stroke-width="8"/>
         <rect x="${x}" y="240" width="560" height="170" rx="24" fill="#b3261e"/>
         <rect x="${x}" y="360" width="560" height="50" fill="#b3261e"/>
         <text x="${x + 280}" y="360" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="96" letter-spacing="10" fill="#ffffff">MAY</text>
         <text x="${x + 280}" y="820" text-anchor="middle" font-family="DejaVu Serif, serif" font-weight="bold" font-size="360" fill="#14181f">${d}</text>`;
     }).join("")}`,
    "A 72-hour truce around Victory Day",
    "Russia · Ukraine · May 2025",
  ),
  "placeholder.jpg": frame(
    `<rect width="${W}" height="${H}" fill="#3a3f47"/>
     <rect x="900" y="420" width="600" height="440" rx="40" fill="none" stroke="#8d877b" stroke-width="24"/>
     <circle cx="1200" cy="640" r="130" fill="none" stroke="#8d877b" stroke-width="24"/>
     <rect x="1010" y="370" width="160" height="70" rx="16" fill="#8d877b"/>`,
    "Picture to come",
    "Placeholder · not for publication",
  ),
};

/** Renders the named stand-in images (all of them when `only` is empty); returns the files written. */
export async function renderStandInImages(only: string[] = []): Promise<string[]> {
  return Promise.all(
    Object.entries(images)
      .filter(([name]) => only.length === 0 || only.includes(name))
      .map(async ([name, svg]) => {
        const file = path.join(OUT, name);
        await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(file);
        return file;
      }),
  );
}
