import fs from "node:fs";
import path from "node:path";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { Metadata } from "next";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

/*
 * One static page per captured site page: the same body markup, as a real
 * React tree (so hydration has the same elements to walk), minus what the
 * floor leaves out — scripts, images, the metadata placeholder.
 */

type Captured = { title: string; description: string; body: string };

export const dynamicParams = false;

function captured(): Record<string, Captured> {
  const file = process.env.FLOOR_PAGES ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".generated/pages.json");
  return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as Record<string, Captured>;
}

export function generateStaticParams() {
  return Object.keys(captured()).map((page) => ({ page }));
}

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const page = captured()[(await params).page];
  return page ? { title: page.title, description: page.description } : {};
}

function keep(node: RootContent): boolean {
  if (node.type === "comment") return false;
  if (node.type !== "element") return true;
  if (["script", "img", "template", "link", "style"].includes(node.tagName)) return false;
  return !(node.tagName === "div" && node.properties.hidden !== undefined && node.properties.hidden !== false);
}

function strip<T extends Root | Element>(node: T): T {
  node.children = node.children.filter(keep).map((child) => (child.type === "element" ? strip(child) : child)) as T["children"];
  return node;
}

export default async function FloorPage({ params }: { params: Promise<{ page: string }> }) {
  const page = captured()[(await params).page];
  if (!page) return null;
  return toJsxRuntime(strip(fromHtml(page.body, { fragment: true })), { Fragment, jsx, jsxs });
}
