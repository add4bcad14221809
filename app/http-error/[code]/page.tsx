import type { Metadata } from "next";
import { NoticePage } from "@/components/notice-page";
import { notFound } from "next/navigation";
import { getSections } from "@/lib/content";
import { sectionPath } from "@/lib/paths";

/*
 * The site's own page for requests the server refuses before routing them
 * (server/main.mjs, server/request-guard.mjs): the server shows this page with the
 * status in its address. Prerendered like every other page.
 */

const ERRORS = {
  "400": { title: "Bad request", text: "The address of that page is not one we can read. Check it for stray characters, or start again from the front page." },
  "405": { title: "Method not allowed", text: "Pages on this site can only be read. Follow a link or type the address to see the page." },
  "414": { title: "Address too long", text: "That address is far longer than any page on this site. Start again from the front page or one of our sections." },
} as const;

type Code = keyof typeof ERRORS;
type Params = { code: string };

const isCode = (code: string): code is Code => Object.hasOwn(ERRORS, code);

export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return Object.keys(ERRORS).map((code) => ({ code }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { code } = await params;
  return { title: isCode(code) ? ERRORS[code].title : "Error", robots: { index: false } };
}

export default async function HttpErrorPage({ params }: { params: Promise<Params> }) {
  const { code } = await params;
  if (!isCode(code)) notFound();
  const sections = getSections();
  return (
    <NoticePage
      label={`Error ${code}`}
      title={ERRORS[code].title}
      destinations={sections.map((s) => ({ href: sectionPath(s.slug), name: s.name }))}
    >
      <p className="mt-4 text-lg text-muted">{ERRORS[code].text}</p>
    </NoticePage>
  );
}
