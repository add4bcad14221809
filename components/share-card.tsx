import fs from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import sharp from "sharp";
import { OG_IMAGE } from "@/lib/seo/metadata";

/*
 * Share cards (Open Graph / Twitter images), 1200×630 PNG, drawn with
 * next/og. Everything they need is on disk: the typeface is Source Serif 4
 * from the @fontsource package (next.config.ts ships the files with the
 * server), and the photo is the story's own hero image, so a card renders
 * with no network at all.
 */

const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@fontsource/source-serif-4/files");
const SUBSETS = ["latin", "latin-ext", "cyrillic", "greek"] as const;
const WEIGHTS = [400, 700] as const;

type Font = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };
let fonts: Font[] | undefined;

export function cardFonts(): Font[] {
  fonts ??= WEIGHTS.flatMap((weight) =>
    SUBSETS.map((subset) => ({
      name: "Source Serif 4",
      data: fs.readFileSync(/*turbopackIgnore: true*/ path.join(FONT_DIR, `source-serif-4-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

/**
 * Text as the card can draw it offline. next/og fetches emoji artwork from a
 * CDN when it meets one, which fails without a network and takes the card
 * down with it, so pictographs go; all else stays.
 */
export function cardText(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const PAPER = "#fbfaf7";
const INK = "#15181d";
const ACCENT = "#a3161a";
const MUTED = "#575e68";

async function photo(src: string, width: number): Promise<string | undefined> {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", src);
  try {
    const jpeg = await sharp(file)
      .resize(width, OG_IMAGE.height, { fit: "cover", position: sharp.strategy.attention })
      .jpeg({ quality: 80 })
      .toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
  } catch (err) {
    console.error(`share card: cannot draw ${src}:`, err);
    return undefined; // A card without the photo beats no card.
  }
}

function headlineSize(text: string): number {
  if (text.length <= 50) return 68;
  if (text.length <= 80) return 58;
  if (text.length <= 110) return 50;
  return 44;
}

export type ShareCardInput = {
  brand: string;
  /** Small capitals above the headline: the section, or the tagline. */
  label: string;
  headline: string;
  /** A hero image path under /images/, drawn on the right. */
  image?: string;
  /** A line under the headline (domain, description). */
  footnote?: string;
};

const PHOTO_WIDTH = 460;

/**
 * Cards are drawn once and kept by the server (prerendered, regenerated like
 * the pages); browsers, CDNs and the networks that unfurl links may keep
 * them an hour and serve a stale one for a day while they fetch the next.
 */
export const CARD_CACHE_CONTROL = "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400";

/** The card as a PNG response, 1200×630 (`headers` replace the shared caching, e.g. for a draft's card on the desk). */
export async function shareCardResponse(input: ShareCardInput, headers: Record<string, string> = { "Cache-Control": CARD_CACHE_CONTROL }) {
  const headline = cardText(input.headline);
  const picture = input.image ? await photo(input.image, PHOTO_WIDTH) : undefined;
  return new ImageResponse(
    (
      <div style={{ display: "flex", width: "100%", height: "100%", background: PAPER, fontFamily: "Source Serif 4" }}>
        <div
          style={{
            display: "flex",
            flexDirection: "column",
            justifyContent: "space-between",
            width: picture ? OG_IMAGE.width - PHOTO_WIDTH : OG_IMAGE.width,
            padding: "56px 60px 48px",
            borderTop: `14px solid ${ACCENT}`,
          }}
        >
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", fontSize: 26, fontWeight: 700, letterSpacing: 3, color: ACCENT, textTransform: "uppercase" }}>
              {cardText(input.label)}
            </div>
            <div
              style={{
                display: "flex",
                marginTop: 22,
                fontSize: headlineSize(headline),
                fontWeight: 700,
                lineHeight: 1.12,
                color: INK,
              }}
            >
              {headline}
            </div>
            {input.footnote ? (
              <div style={{ display: "flex", marginTop: 20, fontSize: 26, lineHeight: 1.3, color: MUTED }}>
                {cardText(input.footnote)}
              </div>
            ) : null}
          </div>
          <div style={{ display: "flex", alignItems: "center", borderTop: `2px solid ${INK}`, paddingTop: 18 }}>
            <div style={{ display: "flex", fontSize: 34, fontWeight: 700, color: INK }}>{cardText(input.brand)}</div>
          </div>
        </div>
        {picture ? (
          // eslint-disable-next-line @next/next/no-img-element -- drawn by next/og, not a page element
          <img src={picture} width={PHOTO_WIDTH} height={OG_IMAGE.height} alt="" style={{ flexShrink: 0 }} />
        ) : null}
      </div>
    ),
    { width: OG_IMAGE.width, height: OG_IMAGE.height, fonts: cardFonts(), headers },
  );
}
