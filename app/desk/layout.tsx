import type { ReactNode } from "react";
import "../editors.css";

/** The desk's pages add the editors' stylesheet to the readers' one (app/editors.css says why both). */
export default function DeskLayout({ children }: { children: ReactNode }) {
  return children;
}
