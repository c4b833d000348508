/**
 * The public surface of @pbgdpl/domain: vocabulary with Vietnamese labels, validation and pure
 * rules shared by the CMS, the data import, the content client and the site template. Anything
 * not exported here is internal.
 */
export {
  DomainError,
  DocumentNumberError,
  InvalidDateError,
  UrlPathError,
  type DocumentNumberProblem,
} from './errors.js';

export {
  addDays,
  assertIsoDate,
  formatVietnameseDate,
  isIsoDate,
  todayInVietnam,
  yearOf,
  type IsoDate,
} from './iso-date.js';

export { foldVietnamese, slugifyVietnamese } from './slug.js';

export { ALLOWED_PARENT_KINDS, SITE_KINDS, SITE_KIND_LABELS, type SiteKind } from './site-kind.js';

export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_INFO,
  isDocumentType,
  type DocumentType,
  type DocumentTypeInfo,
} from './document-type.js';

export {
  RELATION_KINDS,
  RELATION_KIND_LABELS,
  isRelationKind,
  type RelationKind,
  type RelationKindLabels,
} from './relation-kind.js';

export {
  VALIDITY_BASES,
  VALIDITY_BASIS_LABELS,
  VALIDITY_LEGAL_FORCE,
  VALIDITY_STATUSES,
  VALIDITY_STATUS_LABELS,
  isValidityStatus,
  type ValidityBasis,
  type ValidityStatus,
} from './validity-status.js';

export {
  RELATION_VALIDITY_EFFECT,
  computeValidity,
  type DeclaredValidity,
  type IncomingRelation,
  type RelationValidityEffect,
  type ValidityEvent,
  type ValidityEventCause,
  type ValidityInput,
  type ValidityResult,
} from './validity.js';

export {
  DOCUMENT_NUMBER_EXAMPLE,
  DOCUMENT_NUMBER_MAX_LENGTH,
  DOCUMENT_NUMBER_YEARS,
  documentNumberSlug,
  isDocumentNumber,
  normalizeDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
  type DocumentNumberParseResult,
  type ParsedDocumentNumber,
} from './document-number.js';

export {
  DOCUMENT_LIST_SEGMENT,
  LOCALLY_NUMBERED_DOCUMENT_TYPES,
  NEWLY_EFFECTIVE_SEGMENT,
  documentListPath,
  documentPath,
  documentTypeListPath,
  joinBase,
  needsIssuerSegment,
  newlyEffectivePath,
  type DocumentPathInput,
} from './urls.js';

export {
  DOCUMENT_SCOPES,
  DOCUMENT_SCOPE_LABELS,
  LEGAL_DOCUMENT_FIELD_LABELS,
  legalDocumentInputSchema,
  validateLegalDocumentInput,
  type DocumentFile,
  type DocumentScope,
  type FieldError,
  type IssuerRef,
  type LegalDocument,
  type LegalDocumentInput,
  type LegalDocumentValidation,
  type LegalFieldRef,
  type SiteRef,
} from './legal-document.js';

export {
  NEWLY_EFFECTIVE_WINDOW_DAYS,
  isNewlyEffective,
  selectNewlyEffective,
  sortByEffectiveDesc,
  type EffectiveDated,
  type EffectiveSortable,
} from './newly-effective.js';

export * from './site-code.js';

export {
  OUTDATED_REASON_MAX_LENGTH,
  checkSurvivesChange,
  citationsRechecked,
  citedNumber,
  mergeOutdatedReasons,
} from './citation.js';

export {
  describeValidityChange,
  documentLabel,
  type DocumentLabelInput,
  type ValidityChangeInput,
  type ValiditySnapshot,
} from './validity-change.js';

export {
  EDITOR_ROLE_CODES,
  REVIEWER_ROLE_CODES,
  REVIEW_MESSAGES,
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  decideReview,
  isReviewState,
  mayPublishOnSchedule,
  reviewActor,
  type ReviewActor,
  type ReviewDecision,
  type ReviewInput,
  type ReviewProblem,
  type ReviewState,
} from './review.js';

export {
  DOCUMENT_REVIEW_MESSAGES,
  URGENT_PUBLISH_ROLE_CODES,
  URGENT_REASON_MIN_LENGTH,
  decideDocumentReview,
  holdsUrgentPublishRight,
  type DocumentReviewDecision,
  type DocumentReviewInput,
  type DocumentReviewProblem,
} from './document-review.js';

export {
  DIALOGUE_STATUSES,
  DIALOGUE_STATUS_LABELS,
  advanceDialogueStatus,
  dialogueStatusAt,
  isDialogueStatus,
  isPublishDue,
  type DialogueSchedule,
  type DialogueStatus,
} from './schedule.js';

export * from './federation/roles.js';
export * from './federation/registry.js';
export * from './federation/scope.js';
export * from './federation/syndication.js';
export * from './federation/api-token.js';
export * from './federation/audit.js';

export * from './sync/tables.js';
export * from './sync/placements.js';
export * from './sync/local-documents.js';
export * from './sync/status.js';

export {
  AUDIENCES,
  AUDIENCE_LABELS,
  CAPTION_LANGUAGES,
  CAPTION_LANGUAGE_LABELS,
  CITING_TYPES,
  EDITORIAL_ENUM_LABELS,
  EDITORIAL_TYPES,
  EDITORIAL_TYPE_LABELS,
  GUIDANCE_TYPES,
  GUIDANCE_TYPE_LABELS,
  INTRODUCTION_TYPES,
  INTRODUCTION_TYPE_LABELS,
  MATERIAL_TYPES,
  MATERIAL_TYPE_LABELS,
  QA_STATUSES,
  QA_STATUS_LABELS,
  STATUS_LABELS_BY_TYPE,
  VIDEO_SOURCE_TYPES,
  VIDEO_SOURCE_TYPE_LABELS,
  enumLabel,
  isEditorialType,
  type Audience,
  type CaptionLanguage,
  type EditorialType,
  type GuidanceType,
  type IntroductionType,
  type BilingualLabel,
  type MaterialType,
  type QaStatus,
  type VideoSourceType,
} from './editorial/vocabulary.js';

export {
  COMPONENT_FIELD_TEXTS,
  EDITORIAL_FIELD_TEXTS,
  editorialFieldLabel,
  enumHint,
  type FieldText,
  type FieldTexts,
} from './editorial/field-texts.js';

export { CONTENT_TYPE_FIELD_TEXTS } from './editorial/content-type-field-texts.js';

export {
  FILE_RULES,
  FILE_SIZE_LIMIT_BYTES,
  VIDEO_SIZE_LIMIT_BYTES,
  fileProblem,
  formatMegabytes,
  uploadLimitBytes,
  uploadSizeProblem,
  uploadTooLargeMessage,
  type FileKind,
  type FileRule,
  type IncomingUpload,
  type UploadedFileFacts,
} from './editorial/files.js';

export { parseYoutubeId } from './editorial/youtube.js';

export {
  EDITORIAL_SLUG_MAX_LENGTH,
  EDITORIAL_SLUG_PATTERN,
  editorialSlug,
  firstFreeSlug,
} from './editorial/slug.js';

export {
  FILE_FIELDS,
  REQUIRED_BLOCKS_FIELDS,
  REQUIRED_TEXT_FIELDS,
  validateEditorialInput,
  type EditorialInput,
  type EditorialPatch,
  type EditorialValidation,
  type EditorialValidationOptions,
  type FileField,
} from './editorial/validate.js';

export { QUIZ_OPTIONS, hasBlocksContent } from './editorial/values.js';

export {
  TRACKING_CODE_LENGTH,
  formatTrackingCode,
  newTrackingCode,
  normaliseTrackingCode,
} from './interaction/tracking-code.js';
export { cleanText, duplicateKey, titleFromText, type CleanedText } from './interaction/clean-text.js';
export { EMAIL_MAX_LENGTH, isValidEmail } from './interaction/email.js';
export {
  HONEYPOT_FIELD,
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  SUBMISSION_LIMITS,
  honeypotFilled,
  parseDialogueQuestion,
  parseQuestion,
  parseReport,
  type DialogueQuestionInput,
  type FieldProblem,
  type FormBody,
  type Parsed,
  type QuestionInput,
  type ReportInput,
  type ReportReason,
} from './interaction/submission-input.js';
export {
  allowedReturnTo,
  isAllowedOrigin,
  originPolicy,
  refererOrigin,
  type OriginPolicy,
  type RegisteredSiteAddress,
} from './interaction/origins.js';
export {
  RateLimitSpecError,
  parseRateLimits,
  secondsUntilWindowEnds,
  vietnameseDuration,
  windowStart,
  type RateLimit,
} from './interaction/rate-limits.js';
export {
  askerStatusView,
  deriveQaStatus,
  isQaStatus,
  normaliseEmail,
  planQaPublish,
  planQaUpdate,
  type AskerStatusView,
  type QaModerationEffect,
  type QaModerationPlan,
  type QaModerationRequest,
  type QaModerationState,
  type QaPublishPlan,
  type QaWorkFields,
} from './interaction/moderation.js';
export {
  OPEN_REPORT_STATUSES,
  REPORTABLE_TYPES,
  REPORT_HIDE_THRESHOLD,
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  shouldHideItem,
  type ReportStatus,
  type ReportableType,
} from './interaction/reports.js';
export {
  quantile,
  responseTimes,
  type ResponseRecord,
  type SiteResponseTime,
} from './interaction/response-time.js';
export { dialogueIntake, type DialogueIntake } from './interaction/dialogue-intake.js';
export {
  answerEmail,
  assignedEmail,
  blocksToPlainText,
  forwardedEmail,
  itemHiddenEmail,
  newSubmissionEmail,
  rejectedEmail,
  type EmailText,
} from './interaction/notification-text.js';
export {
  SEARCH_K_ANONYMITY,
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_QUERY_MESSAGES,
  normaliseSearchQuery,
  type SearchQueryCheck,
  type SearchQueryRejection,
} from './demand/search-query.js';
export * from './oversight/requirements.js';
export * from './oversight/coverage.js';
export * from './oversight/rollup.js';
export * from './oversight/csv.js';
export * from './oversight/digest.js';
