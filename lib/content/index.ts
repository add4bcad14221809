/*
 * The one door to the newsroom's content. Nothing outside lib/content reads
 * `content/`: pages, feeds and tools ask the functions exported here. The
 * corpus is read, validated and indexed once per process; a bad corpus throws
 * a ContentError listing every problem with its file and field. The files
 * could become a database behind these same functions without touching a page.
 */
export { ContentError, formatProblem, isContentError } from "./types";
export type { Article, Author, ContentProblem, ContentRule, Corpus, Correction, HeroImage, LiveCoverage, LiveUpdate, Section, SiteSettings, Topic } from "./types";
export { SLUG_PATTERN, SLUG_RULE, articleFrontMatterSchema, type ArticleFrontMatter } from "./schema";
export { contentDir } from "./parse";
export { MIN_HERO_WIDTH, publicFile } from "./images";
export { PLACEHOLDER_IMAGE, PLACEHOLDER_TEXT } from "./rules";
export { loadCorpus, loadTaxonomy, type LoadOptions } from "./load";
export {
  ContentNotReadyError,
  articleBody,
  checkPendingContent,
  contentReady,
  filesReadByLastLoad,
  getCorpus,
  namedFile,
  reloadCorpus,
  searchDatabase,
  startContentStore,
  updateContent,
  type ContentUpdate,
} from "./store";
export type { ChangeSet } from "./corpus-index";
export {
  authorArticles,
  derived,
  getArticle,
  getAuthor,
  getSection,
  getSections,
  getSite,
  getTopic,
  latestPublic,
  moreStories,
  sectionArticles,
  topicArticles,
} from "./queries";
export { isLive, isPublic, isRetracted, visibleUpdates } from "./visibility";
export { latestCorrection, modifiedAt, publicCorrections, type CorrectionEntry } from "./corrections";
export {
  type SearchDoc,
  type SearchHit as IndexedSearchHit,
  type SearchPage,
  type SearchQuery,
  indexText,
  plainText,
  queryWords,
  searchDocs,
} from "./search-index";
