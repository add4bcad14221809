import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryCard } from "@/components/story-card";
import { getSection, getSections, sectionArticles } from "@/lib/content";

type Params = { section: string };

export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getSections().map((s) => ({ section: s.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const section = getSection((await params).section);
  if (!section) return {};
  return { title: section.name, description: section.description, alternates: { canonical: `/${section.slug}` } };
}

export default async function SectionPage({ params }: { params: Promise<Params> }) {
  const section = getSection((await params).section);
  if (!section) notFound();
  const stories = sectionArticles(section.slug, new Date());

  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 sm:pt-10">
      <header className="border-b border-rule pb-6">
        <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
        <p className="mt-2 text-muted">{section.description}</p>
      </header>
      {stories.length ? (
        <div className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
          {stories.map((story) => (
            <StoryCard key={story.slug} article={story} headingLevel={2} />
          ))}
        </div>
      ) : (
        <p className="py-16 text-center text-muted">No stories in {section.name} yet.</p>
      )}
    </div>
  );
}
