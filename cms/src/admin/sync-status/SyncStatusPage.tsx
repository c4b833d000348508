/**
 * "Đồng bộ trang": for operators, per site the live release, the content version it was built
 * from, when and how long its last build took and its last error; the queue's jobs by state; how
 * far the change events are dispatched. Read-only; refreshed every 15 s while open. The route
 * answers `readSyncReport` of @pbgdpl/domain, each site's condition already decided there.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

interface SiteStatus {
  site: string;
  liveRelease: string | null;
  builtVersion: number | null;
  builtAt: string | null;
  durationMs: number | null;
  requestedVersion: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** `SiteSyncCondition` of @pbgdpl/domain ('error', 'never-built', 'waiting', 'fresh'…) and its label. */
  condition: string;
  conditionLabel: string;
}

interface SyncStatus {
  contentVersion: number;
  events: { total: number; lastId: number; dispatchedUpTo: number };
  queue: Array<{ name: string; state: string; jobs: number }>;
  sites: SiteStatus[];
}

const REFRESH_MS = 15_000;
const cell: CSSProperties = {
  padding: '6px 10px',
  borderBottom: '1px solid #eaeaef',
  textAlign: 'left',
  verticalAlign: 'top',
};
const page: CSSProperties = { padding: '24px 40px', fontSize: 14 };

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

export default function SyncStatusPage() {
  const { get } = useFetchClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      get<SyncStatus>('/pbgdpl-sync/status')
        .then(({ data }) => live && (setStatus(data), setError(null)))
        .catch(
          (e: { response?: { status?: number } }) =>
            live &&
            setError(
              e.response?.status === 403
                ? 'Tài khoản này không được xem trạng thái đồng bộ.'
                : 'Không đọc được trạng thái đồng bộ; thử lại sau.',
            ),
        );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [get]);

  if (error)
    return (
      <main style={page}>
        <h1>Đồng bộ trang</h1>
        <p role="alert">{error}</p>
      </main>
    );
  if (!status)
    return (
      <main style={page}>
        <h1>Đồng bộ trang</h1>
        <p>Đang tải…</p>
      </main>
    );
  const waiting = status.events.lastId - status.events.dispatchedUpTo;
  const failed = status.sites.filter((s) => s.condition === 'error').length;
  return (
    <main style={page}>
      <h1 style={{ fontSize: 24, marginBottom: 12 }}>Đồng bộ trang</h1>
      <p>
        Phiên bản nội dung {status.contentVersion}; {status.events.total} thay đổi đã ghi,{' '}
        {waiting > 0 ? `${waiting} chưa phân phối` : 'tất cả đã phân phối'}; {status.sites.length} trang đã
        dựng, {failed} trang lỗi.
      </p>
      <h2 style={{ fontSize: 18, margin: '16px 0 8px' }}>Hàng đợi</h2>
      {status.queue.length === 0 ? (
        <p>Hàng đợi trống (hoặc chưa có tiến trình dựng trang nào chạy).</p>
      ) : (
        <table style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>Hàng đợi</th>
              <th style={cell}>Trạng thái</th>
              <th style={cell}>Số việc</th>
            </tr>
          </thead>
          <tbody>
            {status.queue.map((q) => (
              <tr key={`${q.name}-${q.state}`}>
                <td style={cell}>{q.name}</td>
                <td style={cell}>{q.state}</td>
                <td style={cell}>{q.jobs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 style={{ fontSize: 18, margin: '16px 0 8px' }}>Các trang</h2>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {[
              'Trang',
              'Tình trạng',
              'Bản đang chạy',
              'Dựng từ phiên bản',
              'Dựng lúc',
              'Thời gian dựng',
              'Lỗi gần nhất',
            ].map((h) => (
              <th key={h} style={cell} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {status.sites.map((s) => (
            <tr key={s.site}>
              <td style={cell}>{s.site}</td>
              <td style={cell}>{s.conditionLabel}</td>
              <td style={cell}>{s.liveRelease ?? '—'}</td>
              <td style={cell}>{s.builtVersion ?? '—'}</td>
              <td style={cell}>{when(s.builtAt)}</td>
              <td style={cell}>{s.durationMs === null ? '—' : `${(s.durationMs / 1000).toFixed(1)} giây`}</td>
              <td style={cell}>
                {s.lastError ? `${when(s.lastErrorAt)}: ${s.lastError.slice(0, 300)}` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
