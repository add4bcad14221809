/*
 * A synthetic newsroom corpus for scale tests and benchmarks: the same files
 * an editor writes (data files + articles/YYYY/MM/<slug>.md), valid under
 * content checking, deterministic for a given count and seed.
 *
 * Shaped like a real archive rather than uniform noise:
 * - sections are skewed (World far larger than Culture);
 * - topics follow Zipf's law: a few (Russia, Ukraine, China …) sit on a large
 *   share of stories, most on a handful; the vocabulary grows with the corpus;
 * - authors are skewed too; 15 % of stories have two;
 * - bodies are 200–2,500 words (median about 650) with paragraphs,
 *   sub-headings, lists, quotes and links to earlier stories;
 * - ~3 % drafts, ~0.5 % scheduled (far in the future, so never public during a
 *   benchmark), ~10 % updated, ~5 % with pinned related stories, ~2 % with an
 *   old slug (alias), ~15 % with a kicker;
 * - hero images come from the small shared set in public/images/.
 */
import fs from "node:fs";
import path from "node:path";
import { dump } from "js-yaml";
import { slugify } from "../lib/render/slugs";

/** YAML as the content files are written: block style, long lines kept whole. */
const toYaml = (data: unknown) => dump(data, { lineWidth: -1 });

export type GenerateOptions = { count: number; seed: number; out: string };

/** The archive ends here (not "now"), so the same arguments always give the same files. */
export const ARCHIVE_END = Date.UTC(2025, 5, 1);
const SCHEDULED_FROM = Date.UTC(2100, 0, 1);

/** sfc32: small, fast, and good enough for synthetic text. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

type Random = ReturnType<typeof seededRandom>;

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Index drawn from cumulative weights. */
function weighted(rand: Random, cumulative: number[]): number {
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** Zipf weights 1/rank^s. */
const zipf = (n: number, s = 1) => cumulate(Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s));

const SECTIONS = [
  { slug: "world", name: "World", description: "News from around the world, with the context that explains it.", weight: 26 },
  { slug: "diplomacy", name: "Diplomacy", description: "Summits, treaties and the alliances that shape international politics.", weight: 18 },
  { slug: "security", name: "Security", description: "War, ceasefires, defence and the politics of security.", weight: 16 },
  { slug: "economy", name: "Economy", description: "Trade, sanctions, markets and the money behind the headlines.", weight: 12 },
  { slug: "energy", name: "Energy", description: "Oil, gas, pipelines, power grids and the politics of supply.", weight: 9 },
  { slug: "technology", name: "Technology", description: "Chips, networks, space and the contest over technology.", weight: 8 },
  { slug: "analysis", name: "Analysis", description: "Longer pieces that explain why events unfold as they do.", weight: 6 },
  { slug: "culture", name: "Culture", description: "History, memory, books and the arts between the headlines.", weight: 5 },
];

/** The most covered topics, most frequent first. */
const TOP_TOPICS = [
  "Russia", "Ukraine", "China", "United States", "European Union", "Sanctions", "NATO", "Energy", "Middle East",
  "India", "Iran", "Turkey", "Germany", "France", "United Kingdom", "Israel", "Gas", "Oil", "Trade", "Elections",
];
const PLACES = [
  "Japan", "South Korea", "North Korea", "Taiwan", "Brazil", "Argentina", "Mexico", "Venezuela", "Cuba", "Canada",
  "Poland", "Hungary", "Serbia", "Romania", "Moldova", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan", "Uzbekistan",
  "Mongolia", "Pakistan", "Afghanistan", "Bangladesh", "Indonesia", "Vietnam", "Philippines", "Australia", "Egypt",
  "Saudi Arabia", "Qatar", "United Arab Emirates", "Syria", "Iraq", "Lebanon", "Jordan", "Yemen", "Libya", "Algeria",
  "Morocco", "Nigeria", "Ethiopia", "Sudan", "South Africa", "Kenya", "Mali", "Niger", "Italy", "Spain", "Greece",
  "Finland", "Sweden", "Norway", "Baltic States", "Belarus", "Arctic", "Black Sea", "Red Sea", "South China Sea",
  "Central Asia", "Caucasus", "Balkans", "Sahel", "Latin America", "Africa", "Southeast Asia", "Gulf States",
];
const THEMES = [
  "BRICS", "G7", "G20", "United Nations", "Ceasefire", "Pipelines", "LNG", "Nuclear Power", "Nuclear Weapons",
  "Arms Control", "Drones", "Missiles", "Cyber Security", "Semiconductors", "Artificial Intelligence", "Space",
  "Shipping", "Grain", "Food Security", "Inflation", "Central Banks", "Currencies", "Debt", "Refugees", "Migration",
  "Climate", "Rare Earths", "Critical Minerals", "Belt and Road", "Victory Day", "Second World War", "Espionage",
  "Propaganda", "Media Freedom", "Human Rights", "Courts", "Protests", "Coups", "Peace Talks", "Alliances",
  "Defence Spending", "Arms Exports", "Oil Prices", "Power Grids", "Telecommunications", "Railways", "Ports",
  "Tariffs", "Investment", "Tourism", "Memory Politics", "Religion", "Football", "Film", "Literature",
];
const SUFFIXES = ["elections", "economy", "military", "energy policy", "foreign policy", "protests", "trade", "courts"];

const FIRST = ["Anna", "Pavel", "Maria", "Tomasz", "Elena", "David", "Sofia", "Omar", "Lena", "Jonas", "Irina", "Marco",
  "Yuki", "Amara", "Daniel", "Nadia", "Felix", "Hana", "Viktor", "Clara", "Samir", "Ingrid", "Luca", "Mei"];
const LAST = ["Novak", "Petrova", "Keller", "Haddad", "Lindqvist", "Moreau", "Sato", "Okafor", "Rossi", "Kowalski",
  "Ivanova", "Brennan", "Costa", "Nakamura", "Fischer", "Aziz", "Varga", "Holm", "Duarte", "Weiss"];
const ROLES = ["Correspondent", "Senior correspondent", "Diplomatic editor", "Security correspondent", "Economics editor",
  "Energy reporter", "Analyst", "Foreign editor", "Contributor"];

const IMAGES = [
  { src: "/images/putin-xi-moscow.jpg", alt: "Stand-in plate pairing the flags of Russia and China", caption: "Leaders met in Moscow for talks", credit: "Inter Bellum News illustration" },
  { src: "/images/victory-day-red-square.jpg", alt: "Stand-in plate of Red Square with the number 80", caption: "Commemorations on Red Square", credit: "Inter Bellum News illustration" },
  { src: "/images/russia-venezuela-flags.jpg", alt: "Stand-in plate pairing the flags of Russia and Venezuela", caption: "The two governments signed a new agreement", credit: "Inter Bellum News illustration" },
  { src: "/images/victory-day-ceasefire.jpg", alt: "Stand-in plate of three calendar pages for 8, 9 and 10 May", caption: "A truce was declared for three days", credit: "Inter Bellum News illustration" },
];

const KICKERS = ["Analysis", "Explainer", "Interview", "Opinion", "Exclusive", "In depth"];

const VERBS = ["agree to expand", "move to curb", "clash over", "sign a deal on", "step up talks on", "warn over",
  "pledge to revive", "reject plans for", "court investors in", "tighten rules on", "break ground on", "seek a truce over"];
const NOUNS = ["energy cooperation", "grain exports", "border security", "a gas pipeline", "arms purchases", "port access",
  "rail links", "nuclear talks", "sanctions relief", "currency swaps", "drone production", "a new trade corridor",
  "fishing rights", "satellite launches", "debt restructuring", "refugee returns", "power lines", "critical minerals"];
const HEADLINE_FORMS: ((a: string, b: string, rand: Random) => string)[] = [
  (a, b, r) => `${a} and ${b} ${pick(r, VERBS)} ${pick(r, NOUNS)}`,
  (a, _b, r) => `${a} ${pick(r, VERBS)} ${pick(r, NOUNS)} as pressure mounts`,
  (a, b, r) => `What ${a}'s ${pick(r, NOUNS)} means for ${b}`,
  (a, b, r) => `${a}: ${pick(r, ["officials", "ministers", "diplomats", "analysts"])} ${pick(r, VERBS)} ${pick(r, NOUNS)} with ${b}`,
  (a, _b, r) => `Inside ${a}'s push for ${pick(r, NOUNS)}`,
  (a, b, r) => `${a} ${pick(r, ["eyes", "doubts", "welcomes", "condemns"])} ${b}'s ${pick(r, NOUNS)}`,
];

const SPEAKERS = ["an official", "a diplomat", "one analyst", "the minister", "a spokesperson"];
const WORDS = ("the government said on talks that officials would continue next week while ministers met in the capital " +
  "to discuss a framework for cooperation according to people familiar with the matter the agreement follows months of " +
  "negotiations over prices routes and guarantees analysts say the deal could reshape regional trade but questions remain " +
  "about financing and timing the opposition criticised the move as rushed and called for a parliamentary vote critics " +
  "warned of rising costs for households and industry supporters pointed to new jobs and investment in infrastructure " +
  "the ministry declined to comment further a spokesperson confirmed the meeting had taken place and described it as " +
  "constructive observers noted the timing ahead of the summit several delegations are expected to attend").split(" ");

/** A realistic story length: log-normal around 650 words, clamped to 200–2,500. */
function storyLength(rand: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.round(Math.min(2500, Math.max(200, Math.exp(Math.log(650) + 0.5 * normal))));
}

function sentence(rand: Random, names: string[]): string {
  const n = 12 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rand() < 0.08 && names.length ? pick(rand, names) : pick(rand, WORDS));
  const text = words.join(" ");
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return rand() < 0.1 ? `“${capital},” ${pick(rand, SPEAKERS)} said.` : `${capital}.`;
}

function body(rand: Random, words: number, names: string[], earlier: string[]): string {
  const blocks: string[] = [];
  let written = 0;
  let sinceHeading = 0;
  while (written < words) {
    if (sinceHeading >= 5 && words > 600 && rand() < 0.5) {
      blocks.push(`## ${pick(rand, ["What happens next", "The background", "Who gains", "The money", "Reactions", "Why it matters"])}`);
      sinceHeading = 0;
    }
    const roll = rand();
    if (roll < 0.05) {
      const items = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `- ${sentence(rand, names)}`);
      blocks.push(items.join("\n"));
      written += items.length * 20;
    } else if (roll < 0.09) {
      blocks.push(`> “${sentence(rand, names)}”`);
      written += 20;
    } else {
      const sentences = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand, names));
      if (earlier.length && rand() < 0.1) sentences.push(`[Read our earlier report](${pick(rand, earlier)}).`);
      const paragraph = sentences.join(" ");
      blocks.push(paragraph);
      written += paragraph.split(" ").length;
    }
    sinceHeading++;
  }
  return blocks.join("\n\n");
}

function topicNames(count: number, rand: Random): string[] {
  const rest = [...PLACES, ...THEMES];
  // Deterministic shuffle, so the long tail is not alphabetical.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const names = [...TOP_TOPICS, ...rest];
  const countries = [...TOP_TOPICS.slice(0, 4), ...PLACES];
  for (let i = 0; names.length < count; i++) {
    const name = `${countries[i % countries.length]} ${SUFFIXES[Math.floor(i / countries.length) % SUFFIXES.length]}`;
    names.push(i >= countries.length * SUFFIXES.length ? `${name} ${Math.floor(i / (countries.length * SUFFIXES.length)) + 1}` : name);
  }
  return names.slice(0, count);
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** Writes the corpus to `out` (which must not exist or be empty) and returns what it wrote. */
export function generateCorpus({ count, seed, out }: GenerateOptions): { articles: number; topics: number; authors: number } {
  if (!Number.isInteger(count) || count < 1) throw new Error("count must be a positive whole number");
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} is not empty`);
  const rand = seededRandom(seed);

  const topicCount = Math.round(40 + 4 * Math.sqrt(count));
  const topics = topicNames(topicCount, rand).map((name) => ({ slug: slugify(name), name }));
  const authorCount = Math.round(10 + count / 250);
  const authors = Array.from({ length: authorCount }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
    return {
      slug: slugify(`${name} ${i >= FIRST.length ? i : ""}`),
      name,
      role: pick(rand, ROLES),
      bio: `${name} reports for Inter Bellum News on ${pick(rand, TOP_TOPICS)} and ${pick(rand, THEMES)}.`,
    };
  });

  fs.mkdirSync(path.join(out, "articles"), { recursive: true });
  const write = (name: string, data: unknown) => fs.writeFileSync(path.join(out, name), toYaml(data));
  write("site.yaml", {
    name: "Inter Bellum News",
    domain: "interbellumnews.com",
    origin: "https://interbellumnews.com",
    language: "en",
    locale: "en_GB",
    timeZone: "UTC",
    description: `A synthetic corpus of ${count} stories (seed ${seed}) for scale tests.`,
  });
  write("sections.yaml", SECTIONS.map(({ slug, name, description }, i) => ({ slug, name, description, order: (i + 1) * 10 })));
  write("authors.yaml", authors);
  write("topics.yaml", topics.map((t, i) => (i < 20 ? { ...t, description: `Coverage of ${t.name}.` } : t)));

  const sectionWeights = cumulate(SECTIONS.map((s) => s.weight));
  const topicWeights = zipf(topics.length, 1);
  const authorWeights = zipf(authors.length, 0.8);
  // About six stories a day, the newest at ARCHIVE_END.
  const span = Math.ceil(count / 6) * 86_400_000;

  const slugs = new Set<string>();
  const written: { slug: string; path: string; publishedAt: number }[] = [];
  /** Recent public stories: what pins and in-body links point at. */
  const linkable: { slug: string; path: string }[] = [];
  for (let i = 0; i < count; i++) {
    const wanted = 2 + Math.min(4, Math.floor(-Math.log(1 - rand()) * 1.6));
    const tags = new Set<number>();
    while (tags.size < Math.min(wanted, topics.length)) tags.add(weighted(rand, topicWeights));
    const tagList = [...tags].map((t) => topics[t]!);
    const names = tagList.map((t) => t.name);
    const section = SECTIONS[weighted(rand, sectionWeights)]!;

    let title = "";
    let slug = "";
    for (let attempt = 0; ; attempt++) {
      title = pick(rand, HEADLINE_FORMS)(names[0]!, names[1] ?? pick(rand, PLACES), rand);
      title = (title[0]!.toUpperCase() + title.slice(1)).slice(0, 140);
      slug = slugify(title);
      if (!slugs.has(slug)) break;
      if (attempt > 3) {
        slug = `${slug}-${i}`;
        break;
      }
    }
    slugs.add(slug);

    const roll = rand();
    const scheduled = roll < 0.005;
    const status = roll > 0.97 ? "draft" : "published";
    const publishedAt = scheduled
      ? SCHEDULED_FROM + i * 3_600_000
      : ARCHIVE_END - Math.floor(rand() * span / 60_000) * 60_000;
    const byline = [authors[weighted(rand, authorWeights)]!.slug];
    if (rand() < 0.15) {
      const second = authors[weighted(rand, authorWeights)]!.slug;
      if (second !== byline[0]) byline.push(second);
    }
    const image = pick(rand, IMAGES);
    const earlier = linkable.slice(-200);
    const frontMatter: Record<string, unknown> = {
      title,
      standfirst: `${sentence(rand, names).slice(0, 300).replace(/[,.]+$/, "")}.`,
      ...(rand() < 0.15 ? { kicker: pick(rand, KICKERS) } : {}),
      section: section.slug,
      tags: tagList.map((t) => t.slug),
      authors: byline,
      publishedAt: iso(publishedAt),
      ...(rand() < 0.1 ? { updatedAt: iso(publishedAt + (1 + Math.floor(rand() * 48)) * 3_600_000) } : {}),
      status,
      image,
    };
    if (earlier.length && rand() < 0.05) {
      frontMatter.related = [...new Set([pick(rand, earlier).slug, pick(rand, earlier).slug])];
    }
    const markdown = body(rand, storyLength(rand), names, earlier.map((e) => e.path));
    const date = new Date(publishedAt);
    const folder = path.join(out, "articles", String(date.getUTCFullYear()), String(date.getUTCMonth() + 1).padStart(2, "0"));
    fs.mkdirSync(folder, { recursive: true });
    written.push({ slug, path: `/${section.slug}/${slug}`, publishedAt });
    if (status === "published" && !scheduled) linkable.push({ slug, path: `/${section.slug}/${slug}` });
    // Aliases are added in a second pass, once every slug is known.
    fs.writeFileSync(path.join(folder, `${slug}.md`), `---\n${toYaml(frontMatter)}---\n\n${markdown}\n`);
  }

  // ~2 % of stories were renamed: their old slug must collide with nothing.
  const aliases = new Set<string>();
  for (const story of written) {
    if (rand() >= 0.02) continue;
    const old = `${story.slug.split("-").slice(0, 4).join("-")}-${pick(rand, ["update", "latest", "live", "report"])}`;
    if (slugs.has(old) || aliases.has(old)) continue;
    aliases.add(old);
    const date = new Date(story.publishedAt);
    const file = path.join(out, "articles", String(date.getUTCFullYear()), String(date.getUTCMonth() + 1).padStart(2, "0"), `${story.slug}.md`);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/\n---\n/, `\naliases:\n  - ${old}\n---\n`));
  }

  return { articles: count, topics: topics.length, authors: authors.length };
}
