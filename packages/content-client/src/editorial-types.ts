/**
 * The editorial items the sites show (C-2…C-5, M-3, M-4) as they come from GraphQL: published
 * versions in one locale, private fields absent (the CMS never exposes them). Field names are
 * the Strapi attribute names (cms/src/api/<type>/content-types/<type>/schema.json).
 */
import type {
  Audience,
  CaptionLanguage,
  DialogueStatus,
  EditorialType,
  GuidanceType,
  IntroductionType,
  MaterialType,
  QaStatus,
  VideoSourceType,
} from '@pbgdpl/domain';
import type { LegalField, MediaFile, Organization, SiteRef } from './types.js';

/** Strapi "blocks" rich text: paragraphs, headings, lists, quotes, links, images (render it safely). */
export type RichText = Array<Record<string, unknown>>;

/** A downloadable file: what a download link needs to say (name, format, size). */
export interface DownloadFile {
  url: string;
  name: string;
  /** With the dot: ".pdf". */
  ext: string | null;
  mime: string;
  /** Kilobytes (bytes / 1000), as Strapi reports it. */
  size: number;
  /** Moves when the file is replaced (Strapi keeps its URL then): the sites' copy is refreshed. */
  updatedAt?: string | null;
}

/** Component shared.file. */
export interface Attachment {
  title: string;
  description: string | null;
  file: DownloadFile | null;
}

/** Component shared.seo. */
export interface Seo {
  metaTitle: string | null;
  metaDescription: string | null;
  shareImage: MediaFile | null;
}

/** Component shared.legal-citation: a document (by number) and the part of it an item relies on. */
export interface LegalCitation {
  /** Canonical number, e.g. "45/2019/QH14". */
  documentNumber: string;
  article: string | null;
  clause: string | null;
  point: string | null;
  note: string | null;
  /** The cited legal document's documentId when it is in the CMS. */
  citedDocumentId: string | null;
  documentTitle: string | null;
}

export type OrganizationRef = Pick<Organization, 'documentId' | 'code' | 'name'>;

/** What every editorial item has. */
export interface EditorialItemBase {
  documentId: string;
  locale: string;
  title: string;
  /** Last segment of the item's URL on its site; unique per type, site and locale. */
  slug: string | null;
  owningSite: SiteRef | null;
  /** With each field's parent (its sector), for a site that opted out of a whole sector. */
  fields: Array<LegalField & { parent?: { code: string } | null }>;
  audience: Audience;
  /** Site kinds, when `audience` is "filtered". */
  audienceSiteKinds: unknown;
  /** Provinces (their site codes) whose site and communes receive it, when `audience` is "filtered". */
  audienceProvinces?: Array<{ code: string }>;
  /** Receiving sites must show it. */
  mandatory: boolean | null;
  /** When it was scheduled to appear (ISO timestamp). */
  publishAt: string | null;
  seo: Seo | null;
  updatedAt: string | null;
  publishedAt: string | null;
}

/** Items that cite the law, and are flagged when a cited document's validity changes. */
export interface CitingItem {
  citations: LegalCitation[];
  /** The day the editor last checked the citations (ISO date). */
  citationsCheckedAt: string | null;
  /** Show the "may be outdated" banner. */
  mayBeOutdated: boolean | null;
  outdatedReason: string | null;
}

export interface Introduction extends EditorialItemBase, CitingItem {
  introductionType: IntroductionType;
  summary: string;
  body: RichText;
  coverImage: MediaFile | null;
}

export interface Qa extends EditorialItemBase, CitingItem {
  question: string;
  receivedAt: string | null;
  /** Where the unit is with the question (received … published, rejected); follows the work. */
  handlingStatus: QaStatus;
  answer: RichText | null;
  answeringOrganization: OrganizationRef | null;
  answeredAt: string | null;
  dialogue: { documentId: string; slug: string | null; title: string } | null;
}

export interface Dialogue extends EditorialItemBase, CitingItem {
  topic: string;
  summary: string | null;
  hostOrganization: OrganizationRef | null;
  /** ISO timestamps. */
  opensAt: string;
  liveAt: string | null;
  closesAt: string;
  /** As last stored by the CMS's minute job (or a host who closed early); dates may be ahead of it. */
  phase: DialogueStatus;
  /** Published questions put to the dialogue. */
  questions: Array<{ documentId: string; slug: string | null; title: string; handlingStatus: QaStatus }>;
  transcript: RichText | null;
  videoUrl: string | null;
}

export interface Material extends EditorialItemBase, CitingItem {
  materialType: MaterialType;
  summary: string;
  body: RichText | null;
  coverImage: MediaFile | null;
  files: Attachment[];
}

/** Component shared.caption-track. */
export interface CaptionTrack {
  language: CaptionLanguage;
  label: string;
  file: { url: string; mime: string } | null;
}

export interface Video extends EditorialItemBase, CitingItem {
  summary: string;
  sourceType: VideoSourceType;
  /** Set when sourceType is "youtube". */
  youtubeId: string | null;
  /** Set when sourceType is "upload". */
  videoFile: DownloadFile | null;
  poster: MediaFile | null;
  captions: CaptionTrack[];
  transcript: string | null;
  durationSeconds: number | null;
}

export interface QuizOption {
  text: string;
  isCorrect: boolean;
}

export interface LegalSituation extends EditorialItemBase, CitingItem {
  scenario: string;
  question: string;
  analysis: RichText;
  quiz: { prompt: string; options: QuizOption[]; explanation: string } | null;
}

export interface Book extends EditorialItemBase {
  authors: string;
  publisher: string | null;
  publishedYear: number | null;
  isbn: string | null;
  description: string;
  cover: MediaFile | null;
  files: Attachment[];
  /** Smaller first on the shelf. */
  readingOrder: number | null;
}

export interface Guidance extends EditorialItemBase {
  guidanceType: GuidanceType;
  number: string | null;
  issuedDate: string | null;
  issuer: OrganizationRef | null;
  summary: string;
  body: RichText | null;
  files: Attachment[];
}

export interface NewsItem extends EditorialItemBase {
  summary: string;
  body: RichText | null;
  eventDate: string | null;
  coverImage: MediaFile | null;
  images: MediaFile[];
}

/** Each editorial type's item, by the type's name. */
export interface EditorialItems {
  introduction: Introduction;
  qa: Qa;
  dialogue: Dialogue;
  material: Material;
  video: Video;
  'legal-situation': LegalSituation;
  book: Book;
  guidance: Guidance;
  'news-item': NewsItem;
}

export type EditorialItem<T extends EditorialType = EditorialType> = EditorialItems[T];
