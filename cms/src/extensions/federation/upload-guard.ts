import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { uploaderIds } from './conditions';
import {
  FILE,
  SITE_FOLDERS_TABLE,
  callerFolderScope,
  folderRow,
  visibleFolders,
  type FolderScope,
} from './media-folders';
import { currentCaller } from './caller';
import { refusal } from './messages';
import type { AdminUser } from './types';

type Ctx = {
  params: Record<string, string | undefined>;
  request: {
    body?: { fileIds?: unknown; folderIds?: unknown; destinationFolderId?: unknown; parent?: unknown };
  };
  state: { user?: AdminUser };
  body?: unknown;
};
type Handler = (this: unknown, ctx: Ctx, next?: unknown) => Promise<unknown>;

export const UPLOAD_MESSAGES = {
  notYourFile: 'Tệp này thuộc đơn vị khác: bạn không được xóa hay di chuyển.',
  notYourFolder:
    'Bạn chỉ được làm việc trong thư mục của đơn vị mình (Đơn vị/<tên trang>) và các thư mục con của nó.',
  siteFolder: 'Thư mục của một trang được tạo và đặt tên theo trang: không đổi tên, di chuyển hay xóa được.',
  noHome:
    'Tài khoản của bạn chưa gắn với trang nào nên chưa có thư mục để tải tệp lên: hãy nhờ quản trị viên thêm bạn vào trang.',
} as const;

/**
 * The media library's boundary, on top of the RBAC conditions (which cover files only: Strapi's
 * upload plugin has no permissions on folders). For a caller limited to some sites:
 * - folder lists, a folder, and the folder tree show only the folders of their sites, the
 *   national sites' folders, "Dùng chung" and the folders leading to them ("Đơn vị");
 * - a folder is created, renamed or moved only inside their sites' folders, never one of the
 *   site folders themselves;
 * - bulk delete and bulk move (`POST /upload/actions/bulk-delete|bulk-move`, which check only that
 *   the caller may update *some* file) take only files and folders the caller may change, and
 *   move them only into their sites' folders;
 * - an upload goes into the caller's site folder when it names none of their folders, and a file
 *   moves only into their folders (database lifecycles, so every upload route is covered).
 */
export function guardUploadBulkActions(strapi: Core.Strapi): void {
  wrap(strapi, 'admin-folder-file', 'deleteMany', (ctx, scope) => checkBulk(strapi, ctx, scope, false));
  wrap(strapi, 'admin-folder-file', 'moveMany', (ctx, scope) => checkBulk(strapi, ctx, scope, true));
  wrap(strapi, 'admin-folder', 'findOne', async (ctx, scope) => {
    if (!visibleFolders(scope).has(Number(ctx.params.id))) throw new errors.NotFoundError('folder not found');
  });
  wrap(strapi, 'admin-folder', 'create', async (ctx, scope) => {
    const parent = idOf(ctx.request.body?.parent);
    if (parent === null || !scope.writable.has(parent))
      throw refusal(UPLOAD_MESSAGES.notYourFolder, 'parent');
  });
  wrap(strapi, 'admin-folder', 'update', async (ctx, scope) => {
    await checkMovableFolders(strapi, scope, [Number(ctx.params.id)]);
    const body = ctx.request.body ?? {};
    if ('parent' in body) {
      const parent = idOf(body.parent);
      if (parent === null || !scope.writable.has(parent))
        throw refusal(UPLOAD_MESSAGES.notYourFolder, 'parent');
    }
  });
  wrap(
    strapi,
    'admin-folder',
    'find',
    async () => {},
    (ctx, scope) => {
      const body = ctx.body as { data?: Array<{ id: number }> } | undefined;
      if (Array.isArray(body?.data)) body.data = body.data.filter((f) => visibleFolders(scope).has(f.id));
    },
  );
  wrap(
    strapi,
    'admin-folder',
    'getStructure',
    async () => {},
    (ctx, scope) => {
      const body = ctx.body as { data?: TreeNode[] } | undefined;
      if (Array.isArray(body?.data)) body.data = prune(body.data, visibleFolders(scope));
    },
  );
}

type TreeNode = { id: number; children?: TreeNode[] };

function prune(nodes: TreeNode[], visible: Set<number>): TreeNode[] {
  return nodes
    .filter((n) => visible.has(n.id))
    .map((n) => ({ ...n, children: prune(n.children ?? [], visible) }));
}

/** Runs `before` (and `after`) around an upload controller action for callers limited to some sites. */
function wrap(
  strapi: Core.Strapi,
  controllerName: string,
  action: string,
  before: (ctx: Ctx, scope: FolderScope) => Promise<void>,
  after?: (ctx: Ctx, scope: FolderScope) => void,
): void {
  const controller = strapi.plugin('upload').controller(controllerName) as unknown as Record<string, Handler>;
  const original = controller[action];
  if (typeof original !== 'function') return;
  controller[action] = async function guarded(this: unknown, ctx: Ctx, next?: unknown) {
    const user = ctx.state.user;
    const scope = user ? await callerFolderScope(strapi, { kind: 'admin', user }) : null;
    if (scope) await before(ctx, scope);
    const result = await original.call(this, ctx, next);
    if (scope && after) after(ctx, scope);
    return result;
  };
}

async function checkBulk(strapi: Core.Strapi, ctx: Ctx, scope: FolderScope, moving: boolean): Promise<void> {
  const user = ctx.state.user!;
  const body = ctx.request.body ?? {};
  if (moving) {
    const destination = idOf(body.destinationFolderId);
    if (destination === null || !scope.writable.has(destination))
      throw refusal(UPLOAD_MESSAGES.notYourFolder, 'destinationFolderId');
  }
  const folderIds = (Array.isArray(body.folderIds) ? body.folderIds : []).map(Number);
  await checkMovableFolders(strapi, scope, folderIds);
  const fileIds = (Array.isArray(body.fileIds) ? body.fileIds : []).map(Number);
  if (fileIds.length === 0) return;
  const allowed = await uploaderIds(strapi, user);
  if (allowed === 'all') return;
  const files = (await strapi.db.query(FILE).findMany({
    where: { id: { $in: fileIds } },
    select: ['id'],
    populate: { createdBy: { select: ['id'] }, folder: { select: ['id'] } },
  })) as Array<{ id: number; createdBy: { id: number } | null; folder: { id: number } | null }>;
  const mine = (f: (typeof files)[number]) =>
    (f.folder && scope.writable.has(f.folder.id)) || (f.createdBy && allowed.includes(f.createdBy.id));
  if (files.length !== new Set(fileIds).size || !files.every(mine))
    throw refusal(UPLOAD_MESSAGES.notYourFile, 'fileIds');
}

/** Folders a caller may rename, move or delete: inside their sites' folders, not a site folder itself. */
async function checkMovableFolders(strapi: Core.Strapi, scope: FolderScope, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (!ids.every((id) => scope.writable.has(id))) throw refusal(UPLOAD_MESSAGES.notYourFolder, 'folderIds');
  const siteFolders = (await strapi.db
    .connection(SITE_FOLDERS_TABLE)
    .whereIn('folder_id', ids)
    .select('folder_id')) as unknown[];
  if (siteFolders.length > 0) throw refusal(UPLOAD_MESSAGES.siteFolder, 'folderIds');
}

function idOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const id = Number(typeof value === 'object' ? (value as { id?: unknown }).id : value);
  return Number.isInteger(id) ? id : null;
}

type FileEvent = { params: { data?: Record<string, unknown>; where?: Record<string, unknown> } };

/**
 * Bootstrap: where files go. An upload by a caller limited to some sites lands in their site's
 * folder unless it names one of their folders; naming a folder of another unit (or "Dùng
 * chung") is refused; moving a file is allowed into their folders only. Every upload route
 * (admin, `/upload`, from URLs, the content API with a site token) creates the file row, so a
 * database lifecycle covers them all.
 */
export function registerUploadPlacement(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    async beforeCreate(event: FileEvent) {
      const data = event.params.data;
      if (!data) return;
      const scope = await callerFolderScope(strapi);
      if (!scope) return;
      const named = idOf(data.folder);
      if (named !== null && scope.writable.has(named)) return;
      // The content API files every upload under Strapi's "API Uploads": a site's token uploads
      // into its site's folder instead. In the admin, naming another unit's folder is refused.
      if (named !== null && currentCaller(strapi).kind !== 'token')
        throw refusal(UPLOAD_MESSAGES.notYourFolder, 'folder');
      if (!scope.home) throw refusal(UPLOAD_MESSAGES.noHome, 'folder');
      data.folder = scope.home.id;
      data.folderPath = scope.home.path;
    },
    async beforeUpdate(event: FileEvent) {
      const data = event.params.data;
      const scope = await callerFolderScope(strapi);
      if (!data || !scope) return;
      const stored = await storedFile(strapi, event.params.where);
      if (stored && !(await mayChange(strapi, scope, stored)))
        throw refusal(UPLOAD_MESSAGES.notYourFile, 'id');
      // Strapi writes the stored folder back on every edit of a file's details: not a move.
      if (data.folder === undefined) return;
      const named = idOf(data.folder);
      if (stored && (stored.folder?.id ?? null) === named) return;
      if (named === null || !scope.writable.has(named))
        throw refusal(UPLOAD_MESSAGES.notYourFolder, 'folder');
      const folder = await folderRow(strapi, named);
      if (folder) data.folderPath = folder.path;
    },
    async beforeDelete(event: FileEvent) {
      const scope = await callerFolderScope(strapi);
      if (!scope) return;
      const stored = await storedFile(strapi, event.params.where);
      if (stored && !(await mayChange(strapi, scope, stored)))
        throw refusal(UPLOAD_MESSAGES.notYourFile, 'id');
    },
  } as never);
}

type StoredFile = { id: number; folder: { id: number } | null; createdBy: { id: number } | null };

async function storedFile(strapi: Core.Strapi, where: Record<string, unknown> | undefined) {
  if (!where) return null;
  return (await strapi.db.query(FILE).findOne({
    where,
    select: ['id'],
    populate: { folder: { select: ['id'] }, createdBy: { select: ['id'] } },
  })) as StoredFile | null;
}

/**
 * A file a limited caller may change: in their sites' folders, or uploaded by a member of their
 * sites (files from before the site folders). The admin's conditions say the same for the admin
 * routes; this also covers the content API, where a site's token has no conditions.
 */
async function mayChange(strapi: Core.Strapi, scope: FolderScope, file: StoredFile): Promise<boolean> {
  if (file.folder && scope.writable.has(file.folder.id)) return true;
  const caller = currentCaller(strapi);
  if (caller.kind !== 'admin' || !file.createdBy) return false;
  const uploaders = await uploaderIds(strapi, caller.user);
  return uploaders === 'all' || uploaders.includes(file.createdBy.id);
}

/**
 * Register: what a site's token reads of the media library through the content API — REST
 * (`/api/upload/files`, Strapi's controller applies no conditions) and GraphQL (`uploadFiles`,
 * through the Document Service) — is what its unit's people see: its site's folder, the
 * national portal's and "Dùng chung". National tokens and admin users are not concerned.
 */
export function guardContentApiUploadReads(strapi: Core.Strapi): void {
  const readable = async (): Promise<Set<number> | null> => {
    if (currentCaller(strapi).kind !== 'token') return null;
    const scope = await callerFolderScope(strapi);
    return scope ? scope.readable : null;
  };
  strapi.documents.use(async (context, next) => {
    if (context.uid !== FILE || !['findMany', 'findFirst', 'findOne', 'count'].includes(context.action))
      return next();
    const folders = await readable();
    if (!folders) return next();
    const params = context.params as { filters?: Record<string, unknown> };
    const mine = { folder: { id: { $in: [...folders] } } };
    params.filters = params.filters ? { $and: [params.filters, mine] } : mine;
    return next();
  });
  const controller = strapi.plugin('upload').controller('content-api') as unknown as Record<string, Handler>;
  for (const action of ['find', 'findPage', 'findOne']) {
    const original = controller[action];
    if (typeof original !== 'function') continue;
    controller[action] = async function guarded(this: unknown, ctx: Ctx, next?: unknown) {
      const folders = await readable();
      const result = await original.call(this, ctx, next);
      if (!folders) return result;
      const body = ctx.body as { id?: number } | Array<{ id: number }> | { data?: Array<{ id: number }> };
      const list = Array.isArray(body)
        ? body
        : Array.isArray((body as { data?: unknown }).data)
          ? (body as { data: Array<{ id: number }> }).data
          : [body as { id: number }];
      const rows = (await strapi.db.query(FILE).findMany({
        where: { id: { $in: list.map((f) => f?.id).filter((id): id is number => typeof id === 'number') } },
        select: ['id'],
        populate: { folder: { select: ['id'] } },
      })) as Array<{ id: number; folder: { id: number } | null }>;
      const allowed = new Set(rows.filter((r) => r.folder && folders.has(r.folder.id)).map((r) => r.id));
      if (Array.isArray(body)) ctx.body = body.filter((f) => allowed.has(f.id));
      else if (Array.isArray((body as { data?: unknown }).data))
        (body as { data: Array<{ id: number }> }).data = (
          body as { data: Array<{ id: number }> }
        ).data.filter((f) => allowed.has(f.id));
      else if (!allowed.has((body as { id: number }).id)) throw new errors.NotFoundError('file not found');
      return result;
    };
  }
}
