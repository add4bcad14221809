import { ImageResponse } from "next/og";
import { CARD_CACHE_CONTROL, cardFonts } from "@/components/share-card";
import { LOGO_SIZE } from "@/lib/paths";

/*
 * The publisher logo for structured data and feeds: the site icon's "IB"
 * monogram as a PNG (Google wants a raster logo of at least 112 px).
 */
export const dynamic = "force-static";

export function GET() {
  const size = LOGO_SIZE;
  return new ImageResponse(
    (
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          justifyContent: "center",
          width: "100%",
          height: "100%",
          background: "#15181d",
          borderRadius: size * 0.16,
        }}
      >
        <div style={{ display: "flex", fontSize: size * 0.53, fontWeight: 700, color: "#fbfaf7", fontFamily: "Source Serif 4" }}>IB</div>
        <div style={{ display: "flex", width: size * 0.56, height: size * 0.06, background: "#a3161a", marginTop: size * 0.02 }} />
      </div>
    ),
    { width: size, height: size, fonts: cardFonts(), headers: { "Cache-Control": CARD_CACHE_CONTROL } },
  );
}
