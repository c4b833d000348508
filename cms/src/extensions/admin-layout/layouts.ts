/**
 * How each content type and component looks in the admin: list columns and default sort, the
 * field shown for an entry when another entry links to it (mainField), the order and width of
 * the edit form's rows (12 columns per row), and fields an editor reads but never types.
 */

/** A row of the edit form: fields with their width out of 12 (non-resizable types keep their own). */
export type Row = ReadonlyArray<readonly [field: string, size: number]>;

export interface LayoutSpec {
  /** Shown for an entry wherever it is picked or listed as a relation target. */
  readonly mainField: string;
  readonly list?: readonly string[];
  readonly sort?: readonly [field: string, order: 'ASC' | 'DESC'];
  readonly edit: readonly Row[];
  /** Derived by the CMS (validity, "may be outdated", resolved ids): shown, not editable. */
  readonly readOnly?: readonly string[];
  readonly pageSize?: number;
}

const IDENTITY = (typeField?: string): Row[] => [
  typeField
    ? [
        ['title', 8],
        [typeField, 4],
      ]
    : [['title', 12]],
  [
    ['slug', 6],
    ['owningSite', 6],
  ],
];
const CITING: Row[] = [
  [['citations', 12]],
  [
    ['citationsCheckedAt', 4],
    ['mayBeOutdated', 4],
  ],
  [['outdatedReason', 12]],
];
const DISTRIBUTION: Row[] = [
  [
    ['audience', 6],
    ['mandatory', 6],
  ],
  [['audienceSiteKinds', 12]],
  [['audienceProvinces', 6]],
  [
    ['publishAt', 6],
    ['reviewState', 6],
  ],
  [['reviewNote', 12]],
  [['seo', 12]],
];
const FIELDS: Row = [['fields', 6]];
const CITING_READ_ONLY = ['mayBeOutdated', 'outdatedReason'];

const EDITORIAL_LIST = (...middle: string[]) => ['title', ...middle, 'owningSite', 'updatedAt'];
const NEWEST_FIRST = ['updatedAt', 'DESC'] as const;

export const CONTENT_TYPE_LAYOUTS: Readonly<Record<string, LayoutSpec>> = {
  introduction: {
    mainField: 'title',
    list: EDITORIAL_LIST('introductionType', 'mayBeOutdated', 'reviewState'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY('introductionType'),
      [['summary', 12]],
      [['body', 12]],
      [
        ['coverImage', 6],
        ['fields', 6],
      ],
      ...CITING,
      ...DISTRIBUTION,
    ],
    readOnly: CITING_READ_ONLY,
  },
  qa: {
    mainField: 'title',
    list: EDITORIAL_LIST('handlingStatus', 'receivedAt', 'mayBeOutdated'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY('handlingStatus'),
      [['question', 12]],
      [
        ['receivedAt', 4],
        ['trackingCode', 4],
        ['consentToPublish', 4],
      ],
      [
        ['askerName', 4],
        ['askerEmail', 4],
        ['askerPhone', 4],
      ],
      [
        ['assigneeEmail', 6],
        ['forwardTo', 6],
      ],
      [
        ['forwardedFrom', 6],
        ['forwardedAt', 6],
      ],
      [['answer', 12]],
      [
        ['answeringOrganization', 6],
        ['answeredAt', 4],
      ],
      [['respondedAt', 6]],
      [['rejectionReason', 12]],
      [['internalNote', 12]],
      [
        ['dialogue', 6],
        ['fields', 6],
      ],
      ...CITING,
      ...DISTRIBUTION,
    ],
    // `handlingStatus` follows the work (moderation extension): shown, filtered on, never typed.
    readOnly: [
      ...CITING_READ_ONLY,
      'handlingStatus',
      'trackingCode',
      'forwardedFrom',
      'forwardedAt',
      'respondedAt',
    ],
  },
  dialogue: {
    mainField: 'title',
    list: EDITORIAL_LIST('phase', 'opensAt', 'closesAt'),
    sort: ['opensAt', 'DESC'],
    edit: [
      ...IDENTITY('phase'),
      [['topic', 12]],
      [['summary', 12]],
      [
        ['hostOrganization', 6],
        ['fields', 6],
      ],
      [
        ['opensAt', 4],
        ['liveAt', 4],
        ['closesAt', 4],
      ],
      [
        ['videoUrl', 6],
        ['questions', 6],
      ],
      [['transcript', 12]],
      ...CITING,
      ...DISTRIBUTION,
    ],
    // `phase` follows the dates (schedule extension) but stays editable: a host may close a
    // dialogue early or set it back to planned when it is postponed.
    readOnly: CITING_READ_ONLY,
  },
  material: {
    mainField: 'title',
    list: EDITORIAL_LIST('materialType', 'mayBeOutdated', 'reviewState'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY('materialType'),
      [['summary', 12]],
      [['body', 12]],
      [
        ['coverImage', 6],
        ['fields', 6],
      ],
      [['files', 12]],
      ...CITING,
      ...DISTRIBUTION,
    ],
    readOnly: CITING_READ_ONLY,
  },
  video: {
    mainField: 'title',
    list: EDITORIAL_LIST('sourceType', 'mayBeOutdated', 'reviewState'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY('sourceType'),
      [['summary', 12]],
      [
        ['youtubeId', 6],
        ['durationSeconds', 4],
      ],
      [
        ['videoFile', 6],
        ['poster', 6],
      ],
      [['captions', 12]],
      [['transcript', 12]],
      FIELDS,
      ...CITING,
      ...DISTRIBUTION,
    ],
    readOnly: CITING_READ_ONLY,
  },
  'legal-situation': {
    mainField: 'title',
    list: EDITORIAL_LIST('mayBeOutdated', 'reviewState'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY(),
      [['scenario', 12]],
      [['question', 12]],
      [['analysis', 12]],
      [['quiz', 12]],
      FIELDS,
      ...CITING,
      ...DISTRIBUTION,
    ],
    readOnly: CITING_READ_ONLY,
  },
  book: {
    mainField: 'title',
    list: EDITORIAL_LIST('authors', 'publishedYear', 'readingOrder'),
    sort: ['readingOrder', 'ASC'],
    edit: [
      ...IDENTITY(),
      [
        ['authors', 6],
        ['publisher', 6],
      ],
      [
        ['publishedYear', 4],
        ['isbn', 4],
        ['readingOrder', 4],
      ],
      [['description', 12]],
      [
        ['cover', 6],
        ['fields', 6],
      ],
      [['files', 12]],
      ...DISTRIBUTION,
    ],
  },
  guidance: {
    mainField: 'title',
    list: EDITORIAL_LIST('guidanceType', 'number', 'issuedDate'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY('guidanceType'),
      [
        ['number', 4],
        ['issuedDate', 4],
      ],
      [
        ['issuer', 6],
        ['fields', 6],
      ],
      [['summary', 12]],
      [['body', 12]],
      [['files', 12]],
      ...DISTRIBUTION,
    ],
  },
  'news-item': {
    mainField: 'title',
    list: EDITORIAL_LIST('eventDate', 'reviewState'),
    sort: NEWEST_FIRST,
    edit: [
      ...IDENTITY(),
      [['summary', 12]],
      [['body', 12]],
      [
        ['eventDate', 4],
        ['fields', 6],
      ],
      [
        ['coverImage', 6],
        ['images', 6],
      ],
      ...DISTRIBUTION,
    ],
  },
  'legal-document': {
    mainField: 'number',
    list: [
      'number',
      'title',
      'documentType',
      'validityStatus',
      'reviewState',
      'issuedDate',
      'owningSite',
      'updatedAt',
    ],
    sort: ['issuedDate', 'DESC'],
    edit: [
      [
        ['number', 4],
        ['documentType', 8],
      ],
      [['title', 12]],
      [['abstract', 12]],
      [
        ['issuers', 6],
        ['fields', 6],
      ],
      [
        ['signerTitle', 6],
        ['signerName', 6],
      ],
      [
        ['issuedDate', 4],
        ['effectiveFrom', 4],
        ['effectiveTo', 4],
      ],
      [
        ['gazetteNumber', 6],
        ['gazetteDate', 4],
      ],
      [
        ['scope', 6],
        ['scopeSite', 6],
      ],
      [
        ['owningSite', 6],
        ['originalFile', 6],
      ],
      [['sourceUrl', 12]],
      [
        ['declaredStatus', 6],
        ['declaredStatusAsOf', 4],
      ],
      [['declaredStatusSource', 12]],
      [
        ['validityStatus', 6],
        ['validityBasis', 6],
      ],
      [['validityComputedAt', 6]],
      [['validityHistory', 12]],
      [['fullText', 12]],
      [['reviewState', 6]],
      [['reviewNote', 12]],
      [['urgentPublishReason', 12]],
    ],
    readOnly: ['validityStatus', 'validityBasis', 'validityHistory', 'validityComputedAt'],
  },
  'document-relation': {
    mainField: 'sourceNumber',
    list: ['sourceNumber', 'kind', 'targetNumber', 'partial', 'effectiveDate', 'updatedAt'],
    sort: NEWEST_FIRST,
    edit: [
      [
        ['sourceNumber', 6],
        ['kind', 6],
      ],
      [
        ['targetNumber', 6],
        ['targetTitle', 6],
      ],
      [
        ['partial', 4],
        ['effectiveDate', 4],
      ],
      [['affectedPart', 12]],
      [['note', 12]],
      [
        ['sourceDocumentId', 6],
        ['targetDocumentId', 6],
      ],
    ],
    readOnly: ['sourceDocumentId', 'targetDocumentId'],
  },
  site: {
    mainField: 'name',
    list: ['code', 'name', 'kind', 'parent', 'enabled'],
    sort: ['code', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['code', 4],
        ['name', 8],
      ],
      [
        ['nameEn', 8],
        ['kind', 4],
      ],
      [
        ['parent', 6],
        ['organization', 6],
      ],
      [
        ['adminUnitCode', 4],
        ['unitType', 4],
        ['enabled', 4],
      ],
      [
        ['basePath', 6],
        ['baseUrl', 6],
      ],
      [['theme', 12]],
      [['contact', 12]],
      [
        ['optedOutFields', 6],
        ['children', 6],
      ],
    ],
  },
  organization: {
    mainField: 'name',
    list: ['code', 'name', 'category', 'docSymbol'],
    sort: ['name', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['code', 4],
        ['name', 8],
      ],
      [
        ['nameEn', 8],
        ['docSymbol', 4],
      ],
      [['category', 6]],
    ],
  },
  'legal-field': {
    mainField: 'name',
    list: ['code', 'name', 'parent'],
    sort: ['name', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['code', 4],
        ['name', 8],
      ],
      [['nameEn', 8]],
      [
        ['parent', 6],
        ['children', 6],
      ],
    ],
  },
  'site-membership': {
    mainField: 'email',
    list: ['email', 'site', 'note', 'updatedAt'],
    sort: ['email', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['email', 6],
        ['site', 6],
      ],
      [
        ['note', 8],
        ['adminUserId', 4],
      ],
    ],
    readOnly: ['adminUserId', 'inviteUrl'],
  },
  'site-adoption': {
    mainField: 'targetTitle',
    list: ['targetTitle', 'targetType', 'owningSite', 'pinnedOnHome', 'position'],
    sort: ['position', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['targetType', 4],
        ['targetDocumentId', 8],
      ],
      [
        ['owningSite', 6],
        ['pinnedOnHome', 3],
        ['position', 3],
      ],
      [['localNoteTitle', 12]],
      [['localNote', 12]],
      [['targetTitle', 12]],
    ],
    readOnly: ['targetTitle'],
  },
  'site-redirect': {
    mainField: 'fromPath',
    list: ['fromPath', 'toPath', 'reason', 'site'],
    sort: ['fromPath', 'ASC'],
    pageSize: 50,
    edit: [
      [
        ['fromPath', 6],
        ['toPath', 6],
      ],
      [
        ['fromSiteCode', 4],
        ['site', 4],
        ['reason', 4],
      ],
    ],
  },
  // Append-only: every field is shown, none can be typed (the audit extension refuses changes anyway).
  'audit-entry': {
    mainField: 'summary',
    list: ['occurredAt', 'action', 'actorLabel', 'contentType', 'itemTitle', 'siteCode'],
    sort: ['occurredAt', 'DESC'],
    pageSize: 50,
    edit: [
      [
        ['occurredAt', 4],
        ['action', 4],
        ['actorKind', 4],
      ],
      [['summary', 12]],
      [
        ['actorLabel', 4],
        ['actorEmail', 4],
        ['actorRoles', 4],
      ],
      [
        ['contentType', 4],
        ['itemTitle', 8],
      ],
      [
        ['itemDocumentId', 4],
        ['itemLocale', 4],
        ['actorId', 4],
      ],
      [
        ['site', 4],
        ['siteCode', 4],
        ['ip', 4],
      ],
      [['userAgent', 12]],
      [['changes', 12]],
    ],
    readOnly: [
      'occurredAt',
      'action',
      'summary',
      'actorKind',
      'actorId',
      'actorEmail',
      'actorRoles',
      'actorLabel',
      'contentType',
      'itemDocumentId',
      'itemLocale',
      'itemTitle',
      'site',
      'siteCode',
      'ip',
      'userAgent',
      'changes',
    ],
  },
  report: {
    mainField: 'itemTitle',
    list: ['itemTitle', 'itemType', 'reason', 'status', 'owningSite', 'receivedAt'],
    sort: ['receivedAt', 'DESC'],
    edit: [
      [
        ['itemTitle', 8],
        ['itemType', 4],
      ],
      [
        ['reason', 4],
        ['status', 4],
        ['receivedAt', 4],
      ],
      [['message', 12]],
      [['resolutionNote', 12]],
      [
        ['owningSite', 6],
        ['itemDocumentId', 6],
      ],
      [
        ['trackingCode', 6],
        ['reporterKey', 6],
      ],
    ],
    readOnly: [
      'itemType',
      'itemDocumentId',
      'itemTitle',
      'reason',
      'message',
      'receivedAt',
      'trackingCode',
      'reporterKey',
    ],
  },
};

export const COMPONENT_LAYOUTS: Readonly<Record<string, LayoutSpec>> = {
  'shared.seo': {
    mainField: 'metaTitle',
    edit: [
      [
        ['metaTitle', 6],
        ['shareImage', 6],
      ],
      [['metaDescription', 12]],
    ],
  },
  'shared.file': {
    mainField: 'title',
    edit: [
      [
        ['title', 6],
        ['file', 6],
      ],
      [['description', 12]],
    ],
  },
  'shared.legal-citation': {
    mainField: 'documentNumber',
    edit: [
      [
        ['documentNumber', 6],
        ['documentTitle', 6],
      ],
      [
        ['article', 4],
        ['clause', 4],
        ['point', 4],
      ],
      [['note', 12]],
      [['citedDocumentId', 6]],
    ],
    readOnly: ['citedDocumentId', 'documentTitle'],
  },
  'shared.caption-track': {
    mainField: 'label',
    edit: [
      [
        ['language', 4],
        ['label', 4],
        ['file', 4],
      ],
    ],
  },
  'situation.quiz': {
    mainField: 'prompt',
    edit: [[['prompt', 12]], [['options', 12]], [['explanation', 12]]],
  },
  'situation.quiz-option': {
    mainField: 'text',
    edit: [
      [
        ['text', 8],
        ['isCorrect', 4],
      ],
    ],
  },
  'site.theme': {
    mainField: 'primaryColor',
    edit: [
      [
        ['primaryColor', 4],
        ['accentColor', 4],
        ['logo', 4],
      ],
    ],
  },
  'site.contact': {
    mainField: 'address',
    edit: [
      [['address', 12]],
      [
        ['phone', 4],
        ['email', 4],
        ['website', 4],
      ],
    ],
  },
};
