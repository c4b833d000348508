import {
  AUDIENCES,
  AUDIENCE_LABELS,
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
  VIDEO_SOURCE_TYPES,
  VIDEO_SOURCE_TYPE_LABELS,
  enumLabel,
  isEditorialType,
} from './vocabulary.js';
import { COMPONENT_FIELD_TEXTS, EDITORIAL_FIELD_TEXTS, editorialFieldLabel } from './field-texts.js';
import { CONTENT_TYPE_FIELD_TEXTS } from './content-type-field-texts.js';

describe('editorial vocabulary', () => {
  it.each([
    ['audience', AUDIENCES, AUDIENCE_LABELS],
    ['introduction type', INTRODUCTION_TYPES, INTRODUCTION_TYPE_LABELS],
    ['Q&A status', QA_STATUSES, QA_STATUS_LABELS],
    ['material type', MATERIAL_TYPES, MATERIAL_TYPE_LABELS],
    ['video source', VIDEO_SOURCE_TYPES, VIDEO_SOURCE_TYPE_LABELS],
    ['guidance type', GUIDANCE_TYPES, GUIDANCE_TYPE_LABELS],
    ['editorial type', EDITORIAL_TYPES, EDITORIAL_TYPE_LABELS],
  ] as const)(
    'labels every %s value in Vietnamese and English, and nothing else',
    (_name, values, labels) => {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const label of Object.values(labels) as Array<{ vi: string; en: string }>) {
        expect(label.vi.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    },
  );

  it('labels a question’s handling status and a dialogue’s phase by their own attribute names', () => {
    expect(enumLabel('qa', 'handlingStatus', 'published')?.vi).toBe('Đã công khai');
    expect(enumLabel('dialogue', 'phase', 'live')?.vi).toBe('Đang đối thoại trực tuyến');
    expect(enumLabel('qa', 'status', 'published')).toBeUndefined();
    expect(enumLabel('material', 'materialType', 'leaflet')?.vi).toBe('Tờ gấp');
    expect(enumLabel('book', 'reviewState', 'submitted')?.vi).toBe('Chờ duyệt');
    expect(enumLabel('qa', 'handlingStatus', 'unknown')).toBeUndefined();
  });

  it('gathers the review states and caption languages with the rest', () => {
    expect(Object.keys(EDITORIAL_ENUM_LABELS)).toEqual(
      expect.arrayContaining([
        'audience',
        'reviewState',
        'language',
        'sourceType',
        'handlingStatus',
        'phase',
      ]),
    );
  });

  it('knows its types', () => {
    expect(isEditorialType('news-item')).toBe(true);
    expect(isEditorialType('legal-document')).toBe(false);
  });
});

describe('field texts', () => {
  it('give every field of every content type and component a Vietnamese label', () => {
    const all = [...Object.values(CONTENT_TYPE_FIELD_TEXTS), ...Object.values(COMPONENT_FIELD_TEXTS)];
    for (const texts of all) {
      for (const [field, text] of Object.entries(texts)) {
        expect(text.label.trim()).not.toBe('');
        expect(text.label).not.toBe(field);
      }
    }
  });

  it('cover the editorial, corpus, registry and federation types', () => {
    expect(Object.keys(CONTENT_TYPE_FIELD_TEXTS).sort()).toEqual(
      [
        ...EDITORIAL_TYPES,
        'legal-document',
        'document-relation',
        'site',
        'organization',
        'legal-field',
        'site-membership',
        'site-redirect',
        'site-adoption',
        'audit-entry',
        'report',
      ].sort(),
    );
    expect(Object.keys(EDITORIAL_FIELD_TEXTS).sort()).toEqual([...EDITORIAL_TYPES].sort());
  });

  it('say what enumeration values mean, and fall back to the field name for an unknown field', () => {
    expect(EDITORIAL_FIELD_TEXTS.qa.handlingStatus?.hint).toContain('rejected: Từ chối');
    expect(EDITORIAL_FIELD_TEXTS.dialogue.phase?.hint).toContain('closed: Đã kết thúc');
    expect(editorialFieldLabel('shared.legal-citation', 'documentNumber')).toBe('Số ký hiệu văn bản');
    expect(editorialFieldLabel('qa', 'nope')).toBe('nope');
  });
});
