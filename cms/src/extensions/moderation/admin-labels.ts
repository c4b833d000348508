import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

/**
 * Vietnamese labels and hints in the admin for citizens' reports (the Q&A's moderation fields
 * are labelled by ../admin-layout with the other Q&A fields), and read-only marks on what the
 * workflow records itself. Fills only labels that are missing or still Strapi's defaults (the
 * field names), so an administrator's own wording is kept.
 */
const TEXTS: Record<string, Record<string, { label: string; description?: string }>> = {
  [CONTENT_TYPES.report]: {
    trackingCode: { label: 'Mã tra cứu' },
    itemType: { label: 'Loại nội dung' },
    itemDocumentId: { label: 'Mã nội dung (documentId)' },
    itemTitle: { label: 'Tiêu đề nội dung' },
    reason: { label: 'Lý do', description: 'wrong: nội dung sai; outdated: nội dung đã lỗi thời.' },
    message: { label: 'Người dân viết' },
    status: {
      label: 'Tình trạng',
      description:
        'received: mới; item_hidden: nội dung đã tạm gỡ (3 người báo); resolved: đã xử lý; dismissed: không chấp nhận.',
    },
    receivedAt: { label: 'Nhận lúc' },
    reporterKey: {
      label: 'Mã người báo',
      description: 'Mã băm địa chỉ mạng, chỉ để đếm số người báo khác nhau.',
    },
    resolutionNote: { label: 'Ghi chú xử lý' },
    owningSite: { label: 'Trang sở hữu nội dung' },
  },
};

const READ_ONLY: Record<string, string[]> = {
  [CONTENT_TYPES.qa]: ['forwardedFrom', 'forwardedAt', 'respondedAt'],
  [CONTENT_TYPES.report]: [
    'trackingCode',
    'itemType',
    'itemDocumentId',
    'itemTitle',
    'reason',
    'message',
    'receivedAt',
    'reporterKey',
  ],
};

type Configuration = {
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
} & Record<string, unknown>;

export async function labelModerationFields(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as {
    findContentType(uid: string): unknown;
    findConfiguration(model: unknown): Promise<Configuration>;
    updateConfiguration(model: unknown, configuration: Configuration): Promise<unknown>;
  };
  for (const [uid, texts] of Object.entries(TEXTS)) {
    const model = service.findContentType(uid);
    if (!model) continue;
    const configuration = await service.findConfiguration(model);
    let changed = false;
    for (const [field, text] of Object.entries(texts)) {
      const meta = configuration.metadatas[field];
      if (!meta) continue;
      const edit = meta.edit;
      if (edit.label === field || edit.label === undefined || edit.label === '') {
        meta.edit = { ...edit, label: text.label, description: text.description ?? edit.description ?? '' };
        meta.list = { ...meta.list, label: text.label };
        changed = true;
      }
      if (READ_ONLY[uid]?.includes(field) && edit.editable !== false) {
        meta.edit = { ...meta.edit, editable: false };
        changed = true;
      }
    }
    if (changed) await service.updateConfiguration(model, configuration);
  }
}
