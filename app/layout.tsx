import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getSections, getSite } from "@/lib/content";
import { siteMetadata } from "@/lib/seo/metadata";
import "./readers.css";

export function generateMetadata(): Metadata {
  return siteMetadata(getSite());
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const site = getSite();
  const sections = getSections();
  return (
    <html lang={site.language}>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="no-print sr-only z-50 bg-ink px-4 py-2 text-paper focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader site={site} sections={sections} />
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
        <SiteFooter site={site} sections={sections} />
      </body>
    </html>
  );
}
