import type { Core } from '@strapi/strapi';
import { uploaderIds } from './conditions';
import { refusal } from './messages';
import type { AdminUser } from './types';

type Ctx = { request: { body?: { fileIds?: unknown; folderIds?: unknown } }; state: { user?: AdminUser } };
type Handler = (this: unknown, ctx: Ctx, next?: unknown) => Promise<unknown>;

export const UPLOAD_MESSAGES = {
  notYourFile: 'Tệp này do đơn vị khác tải lên: bạn không được xóa hay di chuyển.',
  sharedFolders:
    'Thư mục của thư viện dùng chung cho mọi đơn vị: chỉ Quản trị viên quốc gia được xóa hoặc di chuyển thư mục.',
} as const;

/**
 * The media library's bulk delete and bulk move (`POST /upload/actions/bulk-delete|bulk-move`)
 * check only that the caller may update *some* file, not the files named, so a unit could
 * delete another unit's files by id. For callers without the "all sites" scope this guard
 * refuses any file not uploaded by a member of their sites, and any folder (folders are shared
 * by every unit; a folder's deletion takes its files with it).
 */
export function guardUploadBulkActions(strapi: Core.Strapi): void {
  const controller = strapi.plugin('upload').controller('admin-folder-file') as unknown as Record<
    string,
    Handler
  >;
  for (const action of ['deleteMany', 'moveMany']) {
    const original = controller[action];
    if (typeof original !== 'function') continue;
    controller[action] = async function guarded(this: unknown, ctx: Ctx, next?: unknown) {
      const user = ctx.state.user;
      if (user) await check(strapi, ctx, user);
      return original.call(this, ctx, next);
    };
  }
}

async function check(strapi: Core.Strapi, ctx: Ctx, user: AdminUser): Promise<void> {
  const allowed = await uploaderIds(strapi, user);
  if (allowed === 'all') return;
  const body = ctx.request.body ?? {};
  const folderIds = Array.isArray(body.folderIds) ? body.folderIds : [];
  if (folderIds.length > 0) throw refusal(UPLOAD_MESSAGES.sharedFolders, 'folderIds');
  const fileIds = (Array.isArray(body.fileIds) ? body.fileIds : []).map(Number);
  if (fileIds.length === 0) return;
  const files = (await strapi.db.query('plugin::upload.file').findMany({
    where: { id: { $in: fileIds } },
    select: ['id'],
    populate: { createdBy: { select: ['id'] } },
  })) as Array<{ id: number; createdBy: { id: number } | null }>;
  if (files.some((f) => !f.createdBy || !allowed.includes(f.createdBy.id)))
    throw refusal(UPLOAD_MESSAGES.notYourFile, 'fileIds');
}
