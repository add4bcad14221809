/*
 * Finding which of many strings occur in a text, in one pass (Aho–Corasick,
 * compiled to a byte automaton). Checking each of k needles with `includes`
 * costs k passes over the text; this costs one, whatever k is. The build's
 * leak check looks for what identifies every non-public story in every file
 * the build emits: thousands of needles in tens of thousands of files at
 * 100,000 articles.
 *
 * It matches UTF-8 bytes, so files are searched as read, without decoding;
 * for valid UTF-8 a needle's bytes occur exactly where the string occurs.
 */

/**
 * A string to find; with `token`, only where it is not part of a longer token: at an end of the
 * needle that is a token byte, the neighbouring byte of the text must not be one (like a regex `\b`).
 * So `/world/x-mounts` is found in `href="/world/x-mounts"` and not in `/world/x-mounts-70065`.
 */
export type Needle = string | { text: string; token?: ByteClass };

/** A set of bytes, from `byteClass`. */
export type ByteClass = Uint8Array;

/**
 * The ASCII characters of `pattern` as a set of bytes (bytes of multi-byte UTF-8 characters are never in it).
 * @example
 * byteClass(/[a-z0-9-]/) // the bytes a slug is made of
 */
export function byteClass(pattern: RegExp): ByteClass {
  const set = new Uint8Array(256);
  for (let byte = 0; byte < 128; byte++) if (pattern.test(String.fromCharCode(byte))) set[byte] = 1;
  return set;
}

export type Matcher = {
  /** Indices (into the needles given) of every needle that occurs in `text`, ascending. */
  findIn(text: string | Uint8Array): number[];
};

/**
 * @example
 * matcher(["power of siberia", "siberia 2", "gas"]).findIn("…the power of siberia 2 pipeline…") // [0, 1]
 */
export function matcher(needles: readonly Needle[]): Matcher {
  const encoded = needles.map((n) => Buffer.from(typeof n === "string" ? n : n.text, "utf8"));
  // Per needle: the byte class its ends must not run on into, where an end is itself in the class.
  const bounds = needles.map((n, i) => {
    const token = typeof n === "string" ? undefined : n.token;
    const bytes = encoded[i]!;
    if (!token || bytes.length === 0) return undefined;
    const before = token[bytes[0]!] === 1;
    const after = token[bytes[bytes.length - 1]!] === 1;
    return before || after ? { token, before, after, length: bytes.length } : undefined;
  });
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
        if (!out) continue;
        for (const n of out) {
          const b = bounds[n];
          // The match ends at i; it counts unless it runs on into a longer token at either end.
          if (b && ((b.after && i + 1 < bytes.length && b.token[bytes[i + 1]!]) || (b.before && i >= b.length && b.token[bytes[i - b.length]!]))) continue;
          found.add(n);
        }
        if (found.size === needles.length) break;
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
