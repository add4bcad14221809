import type { ReactNode } from "react";
import "../editors.css";

/** Shared previews add the editors' stylesheet to the readers' one (app/editors.css says why both). */
export default function PreviewLayout({ children }: { children: ReactNode }) {
  return children;
}
