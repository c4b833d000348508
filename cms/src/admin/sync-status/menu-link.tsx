/**
 * The menu entry "Đồng bộ trang" (added in ../app.tsx): the sync engine's status, read from
 * GET /pbgdpl-sync/status (cms/src/extensions/change-capture/status-route.ts), the same report as
 * `pnpm sync:status`. The page is loaded only when opened.
 */
function SyncIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
      <path d="M12 4a8 8 0 0 1 7.4 5H17v2h6V5h-2v2.3A10 10 0 0 0 2.1 11h2A8 8 0 0 1 12 4zm-7.4 11H7v-2H1v6h2v-2.3A10 10 0 0 0 21.9 13h-2A8 8 0 0 1 4.6 15z" />
    </svg>
  );
}

export const SYNC_STATUS_PATH = 'pbgdpl-sync';

export const syncStatusMenuLink = {
  to: SYNC_STATUS_PATH,
  icon: SyncIcon,
  intlLabel: { id: 'pbgdpl.sync.menu', defaultMessage: 'Đồng bộ trang' },
  Component: () => import('./SyncStatusPage'),
  permissions: [],
};
