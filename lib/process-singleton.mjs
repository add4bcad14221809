// @ts-check
/*
 * Values kept once per server process: the corpus, the search index, the blur
 * placeholders, the publication timer, the address router. Next.js may load a
 * module once per route bundle, so module-level state would exist several times
 * and a reload asked for by /api/revalidate would reach only one copy. A slot on
 * globalThis under a `Symbol.for` key is the same in every module graph — and in
 * the plain-JavaScript server (server/), which reads the address router this way.
 *
 * A leaf module, in plain JavaScript so that the server can load it as it is:
 * it imports nothing of the app, and every layer may use it.
 */

/**
 * @template T
 * @typedef {{ get(): T | undefined; set(value: T): T }} ProcessSlot
 */

/**
 * The process-wide slot called `name`.
 *
 * @example
 * const corpus = processSlot("corpus");
 * corpus.get() ?? corpus.set(loadCorpus()); // the same value in every route bundle
 * @template T
 * @param {string} name
 * @returns {ProcessSlot<T>}
 */
export function processSlot(name) {
  const key = Symbol.for(`interbellumnews.${name}`);
  const store = /** @type {Record<symbol, T | undefined>} */ (/** @type {unknown} */ (globalThis));
  return {
    get: () => store[key],
    set: (value) => (store[key] = value),
  };
}

/**
 * The value of slot `name`, made by `create` the first time any copy of the caller asks.
 *
 * @example
 * const cache = processSingleton("blurPlaceholders", () => new Map());
 * @template T
 * @param {string} name
 * @param {() => T} create
 * @returns {T}
 */
export function processSingleton(name, create) {
  /** @type {ProcessSlot<T>} */
  const slot = processSlot(name);
  return slot.get() ?? slot.set(create());
}
