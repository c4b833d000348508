/**
 * The menu entry "Giám sát nội dung" (added in ../app.tsx): the page is loaded only when opened.
 * Every administrator sees the entry; the API answers a role without access with a Vietnamese 403,
 * which the page shows.
 */
function CoverageIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
      <rect x="3" y="12" width="4" height="9" rx="1" />
      <rect x="10" y="7" width="4" height="14" rx="1" />
      <rect x="17" y="3" width="4" height="18" rx="1" />
    </svg>
  );
}

export const COVERAGE_PATH = 'pbgdpl-coverage';

export const coverageMenuLink = {
  to: COVERAGE_PATH,
  icon: CoverageIcon,
  intlLabel: { id: 'pbgdpl.coverage.menu', defaultMessage: 'Giám sát nội dung' },
  Component: () => import('./CoveragePage'),
  permissions: [],
};
