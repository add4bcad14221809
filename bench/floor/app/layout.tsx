import type { ReactNode } from "react";
// The site's stylesheet as the site serves it, captured by the benchmark.
import "../.generated/site.css";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
