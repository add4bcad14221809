/*
 * Finding which of many strings occur in a text, in one pass (Aho–Corasick,
 * compiled to a byte automaton). Checking each of k needles with `includes`
 * costs k passes over the text; this costs one, whatever k is. The build's
 * leak check looks for the slug and headline of every non-public story in
 * every file the build emits: hundreds of needles in tens of thousands of
 * files at 10,000 articles.
 *
 * It matches UTF-8 bytes, so files are searched as read, without decoding;
 * for valid UTF-8 a needle's bytes occur exactly where the string occurs.
 */

export type Matcher = {
  /** Indices (into the needles given) of every needle that occurs in `text`, ascending. */
  findIn(text: string | Uint8Array): number[];
};

/**
 * @example
 * matcher(["power of siberia", "siberia 2", "gas"]).findIn("…the power of siberia 2 pipeline…") // [0, 1]
 */
export function matcher(needles: readonly string[]): Matcher {
  const encoded = needles.map((n) => Buffer.from(n, "utf8"));
  const capacity = 1 + encoded.reduce((sum, b) => sum + b.length, 0);
  // delta[node * 256 + byte] is the next node; 0 (the root) doubles as "no edge" while building.
  const delta = new Int32Array(capacity * 256);
  const outputs: number[][] = [[]];
  let nodes = 1;
  encoded.forEach((bytes, i) => {
    if (bytes.length === 0) return; // an empty needle would match everything: callers never mean that
    let node = 0;
    for (const byte of bytes) {
      let child = delta[node * 256 + byte]!;
      if (child === 0) {
        child = nodes++;
        outputs.push([]);
        delta[node * 256 + byte] = child;
      }
      node = child;
    }
    outputs[node]!.push(i);
  });

  // Breadth first: a missing edge goes where the failure node's edge goes, so the search
  // never backtracks; each node also reports what its failure node reports.
  const fail = new Int32Array(nodes);
  const queue: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const child = delta[byte]!;
    if (child !== 0) queue.push(child); // fail[child] = 0
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const f = fail[node]!;
    if (outputs[f]!.length) outputs[node] = [...outputs[node]!, ...outputs[f]!];
    for (let byte = 0; byte < 256; byte++) {
      const child = delta[node * 256 + byte]!;
      const viaFail = delta[f * 256 + byte]!;
      // A child was created for this edge only if it is numbered after its parent.
      if (child !== 0 && child > node) {
        fail[child] = viaFail;
        queue.push(child);
      } else {
        delta[node * 256 + byte] = viaFail;
      }
    }
  }
  const reports = outputs.map((o) => (o.length ? o : undefined));

  return {
    findIn(text) {
      const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
      const found = new Set<number>();
      let node = 0;
      for (let i = 0; i < bytes.length; i++) {
        node = delta[node * 256 + bytes[i]!]!;
        const out = reports[node];
        if (out) {
          for (const n of out) found.add(n);
          if (found.size === needles.length) break;
        }
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
