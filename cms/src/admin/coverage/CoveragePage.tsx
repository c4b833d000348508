/**
 * Giám sát nội dung: the national oversight dashboard in the Strapi admin (menu link added in
 * ../app.tsx). Reads the admin API of cms/src/extensions/coverage with the admin's own session
 * (useFetchClient), and the demand summary of cms/src/extensions/demand when it exists.
 * Everything a person reads is Vietnamese; charts are Chart.js with their figures in tables.
 */
import { Fragment, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from './Chart';
import { filterRows, sortRows, type SiteRow, type SortDirection, type SortKey } from './table-logic';

interface Table {
  day: string;
  computedAt: string | null;
  rule: string[];
  requirements: Array<{ code: string; label: string }>;
  stateLabels: Record<string, string>;
  kindGroups: Array<{ key: string; label: string }>;
  provinces: Array<{ code: string; name: string }>;
  sites: SiteRow[];
}

interface RollUp {
  key: string;
  label: string;
  sites: number;
  meanScore: number | null;
  fullyMet: number;
  metByRequirement: Record<string, number>;
  scoreBands: number[];
}

interface RollUps {
  day: string;
  national: RollUp;
  byKind: RollUp[];
  byProvince: RollUp[];
}

interface Trend {
  series: Array<{ key: string; label: string; points: Array<{ day: string; meanScore: number | null; sites: number }> }>;
}

interface Demand {
  questionsByField: Array<{ field: string; count: number }>;
  questionVolume: Array<{ date: string; count: number }>;
  searches: Array<{ query: string; count: number }>;
}

type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string };

const COLORS = ['#4945ff', '#328048', '#d02b20', '#b35c00', '#0c75af', '#7b79ff', '#666687'];
const STATE_COLORS: Record<string, string> = {
  met: '#328048',
  partial: '#b35c00',
  stale: '#b35c00',
  outdated: '#b35c00',
  inherited: '#0c75af',
  missing: '#d02b20',
};
const SCORE_BANDS = ['0–19', '20–39', '40–59', '60–79', '80–100'];

const styles: Record<string, CSSProperties> = {
  page: { padding: '24px 56px', color: '#32324d', fontSize: 14, lineHeight: 1.5, maxWidth: 1400 },
  section: { background: '#fff', borderRadius: 4, boxShadow: '0 1px 4px rgba(33,33,52,.1)', padding: 24, marginBottom: 24 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 24 },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: { textAlign: 'left', borderBottom: '2px solid #dcdce4', padding: '6px 8px', whiteSpace: 'nowrap' },
  td: { borderBottom: '1px solid #eaeaef', padding: '6px 8px', verticalAlign: 'top', textAlign: 'left' },
  button: { border: '1px solid #4945ff', background: '#fff', color: '#271fe0', borderRadius: 4, padding: '6px 12px', cursor: 'pointer', fontSize: 14 },
  sortButton: { border: 0, background: 'none', font: 'inherit', fontWeight: 600, color: 'inherit', cursor: 'pointer', padding: 0 },
  label: { display: 'flex', flexDirection: 'column', gap: 4, fontWeight: 600 },
  control: { padding: '6px 8px', border: '1px solid #dcdce4', borderRadius: 4, fontSize: 14, minWidth: 200 },
  note: { color: '#666687' },
};

function useLoad<T>(url: string | null): Load<T> {
  const { get } = useFetchClient();
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setLoad({ state: 'loading' });
    get<T>(url).then(
      (response) => live && setLoad({ state: 'ready', data: response.data }),
      (error: { response?: { data?: { error?: { message?: string } } }; status?: number; message?: string }) =>
        live &&
        setLoad({
          state: 'error',
          message: error.response?.data?.error?.message ?? (error.status === 404 ? 'Không tìm thấy số liệu.' : 'Không tải được số liệu; hãy thử lại.'),
        }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return load;
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section style={styles.section} aria-labelledby={id}>
      <h2 id={id} style={{ fontSize: 18, fontWeight: 600, margin: '0 0 16px' }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)} %`);
const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

function StateBadge({ state, label }: { state: string; label: string }) {
  return (
    <span style={{ color: STATE_COLORS[state] ?? '#32324d', fontWeight: 600, fontSize: 12 }}>
      {state === 'met' ? '✓ ' : state === 'missing' ? '✗ ' : '◐ '}
      {label}
    </span>
  );
}

export function CoveragePage() {
  const { get } = useFetchClient();
  const table = useLoad<Table>('/pbgdpl-coverage/sites');
  const rollups = useLoad<RollUps>('/pbgdpl-coverage/rollups');
  const trend = useLoad<Trend>('/pbgdpl-coverage/trend?days=90');
  const [group, setGroup] = useState('');
  const [province, setProvince] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'rank', direction: 'ascending' });
  const [demandSite, setDemandSite] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [openSite, setOpenSite] = useState<string | null>(null);

  const data = table.state === 'ready' ? table.data : null;
  const national = rollups.state === 'ready' && rollups.data.national;
  // A unit administrator's demand figures are per site: start with their first site.
  const scopedOnly = Boolean(data && rollups.state === 'ready' && data.sites.length > 0 && !data.sites.some((s) => s.kind === 'national'));
  const demandUrl = data ? (demandSite !== null ? `/api/pbgdpl-demand/summary?site=${encodeURIComponent(demandSite)}` : scopedOnly ? `/api/pbgdpl-demand/summary?site=${encodeURIComponent(data.sites[0]!.siteCode)}` : '/api/pbgdpl-demand/summary') : null;
  const demand = useLoad<Demand>(demandUrl);

  const rows = useMemo(
    () => (data ? sortRows(filterRows(data.sites, { group, province, text }), sort.key, sort.direction) : []),
    [data, group, province, text, sort],
  );

  async function download(url: string, name: string) {
    try {
      const response = await get<Blob>(url, { responseType: 'blob' } as never);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(response.data);
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
      setNotice(`Đã tải ${name}.`);
    } catch {
      setNotice('Không tải được tệp; hãy thử lại.');
    }
  }

  if (table.state === 'loading') return <main style={styles.page}><p role="status">Đang tải số liệu giám sát…</p></main>;
  if (table.state === 'error')
    return (
      <main style={styles.page}>
        <h1 style={{ fontSize: 28, fontWeight: 600 }}>Giám sát nội dung bắt buộc</h1>
        <p role="alert">{table.message}</p>
      </main>
    );
  const t = table.data;
  const requirementChart: ChartConfiguration | null = national
    ? {
        type: 'bar',
        data: {
          labels: t.requirements.map((r) => r.code),
          datasets: [{ label: 'Số trang đạt', data: t.requirements.map((r) => national.metByRequirement[r.code] ?? 0), backgroundColor: '#4945ff' }],
        },
        options: { scales: { y: { beginAtZero: true, max: national.sites, title: { display: true, text: 'Số trang' }, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
      }
    : null;
  const bandsChart: ChartConfiguration | null = national
    ? {
        type: 'bar',
        data: { labels: SCORE_BANDS, datasets: [{ label: 'Số trang', data: national.scoreBands, backgroundColor: '#328048' }] },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'Số trang' }, ticks: { precision: 0 } }, x: { title: { display: true, text: 'Điểm' } } }, plugins: { legend: { display: false } } },
      }
    : null;
  const trendChart: ChartConfiguration | null =
    trend.state === 'ready' && trend.data.series[0]
      ? {
          type: 'line',
          data: {
            labels: trend.data.series[0].points.map((p) => vnDate(p.day)),
            datasets: trend.data.series.map((s, i) => ({ label: s.label, data: s.points.map((p) => p.meanScore), borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], spanGaps: true })),
          },
          options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: 'Điểm trung bình' } } } },
        }
      : null;

  const header = (key: SortKey, label: string) => (
    <th style={styles.th} scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button
        type="button"
        style={styles.sortButton}
        onClick={() => setSort({ key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' })}
      >
        {label} {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  return (
    <main style={styles.page} lang="vi">
      <h1 style={{ fontSize: 28, fontWeight: 600, margin: '0 0 4px' }}>Giám sát nội dung bắt buộc</h1>
      <p style={styles.note}>
        Số liệu ngày {vnDate(t.day)}
        {t.computedAt ? `, tính lúc ${new Date(t.computedAt).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}` : ''}. Số liệu được tính lại lúc 01:30 hằng đêm.
      </p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '16px 0 24px' }}>
        <button type="button" style={styles.button} onClick={() => download('/pbgdpl-coverage/sites?format=csv', `pbgdpl-bao-phu-${t.day}.csv`)}>
          Tải bảng xếp hạng (CSV)
        </button>
        <button type="button" style={styles.button} onClick={() => download('/pbgdpl-coverage/sites?format=json', `pbgdpl-bao-phu-${t.day}.json`)}>
          Tải bảng xếp hạng (JSON)
        </button>
        <button type="button" style={styles.button} onClick={() => download(`/pbgdpl-coverage/snapshots?format=csv&from=${shiftDay(t.day, -89)}&to=${t.day}`, `pbgdpl-bao-phu-90-ngay-${t.day}.csv`)}>
          Tải số liệu 90 ngày (CSV)
        </button>
        <span role="status" style={styles.note}>{notice}</span>
      </div>

      {national && (
        <Section title="Tổng quan" id="tong-quan">
          <dl style={{ display: 'flex', gap: 48, flexWrap: 'wrap', margin: 0 }}>
            <Figure label="Số trang" value={String(national.sites)} />
            <Figure label="Điểm trung bình" value={national.meanScore === null ? '—' : String(national.meanScore)} />
            <Figure label="Trang đạt đủ 7 yêu cầu" value={`${national.fullyMet} (${percent(national.fullyMet, national.sites)})`} />
          </dl>
          <div style={{ ...styles.grid, marginTop: 24 }}>
            <figure style={{ margin: 0 }}>
              <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>Số trang đạt từng yêu cầu</figcaption>
              {requirementChart && <ChartCanvas config={requirementChart} label="Biểu đồ cột: số trang đạt từng yêu cầu; số liệu ở bảng bên dưới" />}
              <table style={{ ...styles.table, marginTop: 8 }}>
                <caption style={{ textAlign: 'left', ...styles.note }}>Số trang đạt từng yêu cầu</caption>
                <thead>
                  <tr>
                    <th style={styles.th} scope="col">Yêu cầu</th>
                    <th style={styles.th} scope="col">Số trang đạt</th>
                    <th style={styles.th} scope="col">Tỉ lệ</th>
                  </tr>
                </thead>
                <tbody>
                  {t.requirements.map((r) => (
                    <tr key={r.code}>
                      <th style={styles.td} scope="row">{r.code} {r.label}</th>
                      <td style={styles.td}>{national.metByRequirement[r.code] ?? 0}</td>
                      <td style={styles.td}>{percent(national.metByRequirement[r.code] ?? 0, national.sites)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
            <figure style={{ margin: 0 }}>
              <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>Phân bố điểm</figcaption>
              {bandsChart && <ChartCanvas config={bandsChart} label="Biểu đồ cột: số trang theo khoảng điểm; số liệu ở bảng bên dưới" />}
              <table style={{ ...styles.table, marginTop: 8 }}>
                <caption style={{ textAlign: 'left', ...styles.note }}>Số trang theo khoảng điểm</caption>
                <thead>
                  <tr>{SCORE_BANDS.map((b) => <th key={b} style={styles.th} scope="col">{b}</th>)}</tr>
                </thead>
                <tbody>
                  <tr>{national.scoreBands.map((n, i) => <td key={SCORE_BANDS[i]} style={styles.td}>{n}</td>)}</tr>
                </tbody>
              </table>
            </figure>
          </div>
        </Section>
      )}

      <Section title="Diễn biến 90 ngày" id="dien-bien">
        {trend.state === 'error' && <p role="alert">{trend.message}</p>}
        {trendChart && trend.state === 'ready' && (
          <>
            <ChartCanvas config={trendChart} label="Biểu đồ đường: điểm trung bình theo ngày; số liệu ở bảng bên dưới" />
            <details style={{ marginTop: 8 }}>
              <summary>Xem số liệu dạng bảng</summary>
              <table style={styles.table}>
                <thead>
                  <tr>
                    <th style={styles.th} scope="col">Ngày</th>
                    {trend.data.series.map((s) => <th key={s.key} style={styles.th} scope="col">{s.label}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {trend.data.series[0]!.points.map((p, i) => (
                    <tr key={p.day}>
                      <th style={styles.td} scope="row">{vnDate(p.day)}</th>
                      {trend.data.series.map((s) => <td key={s.key} style={styles.td}>{s.points[i]?.meanScore ?? '—'}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </Section>

      {rollups.state === 'ready' && (
        <Section title="Tổng hợp theo loại đơn vị và theo tỉnh" id="tong-hop">
          <RollUpTable caption="Theo loại đơn vị" rows={rollups.data.byKind} requirements={t.requirements} />
          {rollups.data.byProvince.length > 0 && (
            <RollUpTable caption="Xã, phường, đặc khu của từng tỉnh, thành phố" rows={rollups.data.byProvince} requirements={t.requirements} />
          )}
        </Section>
      )}

      <Section title="Bảng xếp hạng các trang" id="xep-hang">
        <form style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 16 }} onSubmit={(e) => e.preventDefault()}>
          <label style={styles.label}>
            Loại đơn vị
            <select style={styles.control} value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="">Tất cả</option>
              {t.kindGroups.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)}
            </select>
          </label>
          <label style={styles.label}>
            Tỉnh, thành phố
            <select style={styles.control} value={province} onChange={(e) => setProvince(e.target.value)}>
              <option value="">Tất cả</option>
              {t.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </label>
          <label style={styles.label}>
            Tìm theo tên
            <input style={styles.control} type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        </form>
        <p role="status" style={styles.note}>{rows.length} trang</p>
        <div style={{ overflowX: 'auto' }}>
          <table style={styles.table}>
            <caption style={{ textAlign: 'left', ...styles.note }}>
              Xếp hạng theo điểm; bấm tiêu đề cột để sắp xếp. ✓ Đạt, ◐ đạt một phần, ✗ Chưa có.
            </caption>
            <thead>
              <tr>
                {header('rank', 'Hạng')}
                {header('siteName', 'Trang')}
                {header('kindLabel', 'Loại')}
                {header('score', 'Điểm')}
                {header('met', 'Đạt')}
                {t.requirements.map((r) => (
                  <th key={r.code} style={styles.th} scope="col" title={r.label}>
                    <abbr title={r.label}>{r.code}</abbr>
                  </th>
                ))}
                <th style={styles.th} scope="col">VB mới hiển thị</th>
                {header('outdatedShare', 'Có thể lỗi thời')}
                {header('qaMedianHours', 'Trả lời hỏi đáp (giờ)')}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 500).map((s) => (
                <Fragment key={s.siteCode}>
                <tr data-site={s.siteCode}>
                  <td style={styles.td}>{s.rank}</td>
                  <th style={styles.td} scope="row">
                    {s.siteName}
                    <br />
                    <span style={styles.note}>{s.siteCode}</span>
                    <br />
                    <button
                      type="button"
                      style={{ ...styles.sortButton, color: '#271fe0', fontWeight: 400, textDecoration: 'underline' }}
                      aria-expanded={openSite === s.siteCode}
                      onClick={() => setOpenSite(openSite === s.siteCode ? null : s.siteCode)}
                    >
                      {openSite === s.siteCode ? 'Ẩn chi tiết' : 'Chi tiết'}
                      <span style={{ position: 'absolute', left: -10000 }}> {s.siteName}</span>
                    </button>
                  </th>
                  <td style={styles.td}>{s.kindLabel}</td>
                  <td style={{ ...styles.td, fontWeight: 600 }}>{s.score}</td>
                  <td style={styles.td}>{s.met}/{s.total}</td>
                  {t.requirements.map((r) => (
                    <td key={r.code} style={styles.td}>
                      <StateBadge state={s.states[r.code] ?? 'missing'} label={t.stateLabels[s.states[r.code] ?? 'missing'] ?? ''} />
                    </td>
                  ))}
                  <td style={styles.td}>{s.newlyEffectiveShown}/{s.newlyEffectiveConcerning}</td>
                  <td style={styles.td}>{s.outdatedShare === null ? '—' : `${Math.round(s.outdatedShare * 100)} %`}</td>
                  <td style={styles.td}>{s.qaMedianHours ?? '—'}</td>
                </tr>
                {openSite === s.siteCode && (
                  <tr data-detail-of={s.siteCode}>
                    <td style={{ ...styles.td, background: '#f6f6f9' }} colSpan={8 + t.requirements.length}>
                      <SiteDetail code={s.siteCode} />
                    </td>
                  </tr>
                )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length > 500 && <p style={styles.note}>Hiển thị 500 trang đầu; lọc thêm hoặc tải CSV để xem đủ {rows.length} trang.</p>}
      </Section>

      <Section title="Người dân hỏi gì, tìm gì" id="nhu-cau">
        <label style={{ ...styles.label, marginBottom: 16, maxWidth: 360 }}>
          Trang
          <select style={styles.control} value={demandSite ?? ''} onChange={(e) => setDemandSite(e.target.value === '' ? null : e.target.value)}>
            {!scopedOnly && <option value="">Toàn quốc</option>}
            {t.sites.map((s) => <option key={s.siteCode} value={s.siteCode}>{s.siteName}</option>)}
          </select>
        </label>
        <DemandView load={demand} />
      </Section>

      <Section title="Cách tính điểm" id="cach-tinh">
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {t.rule.map((line) => <li key={line} style={{ marginBottom: 6 }}>{line}</li>)}
        </ul>
      </Section>
    </main>
  );
}

interface Detail {
  requirements: Array<{ code: string; label: string; stateLabel: string; note: string }>;
  sections: Record<string, { own: number; shown: number; latestOwnAt: string | null; latestShownAt: string | null }>;
  newlyEffective: { concerning: number; shown: number; basis: string };
  qaResponse: { received: number; answered: number; medianHours: number | null } | null;
}

/** One site's figures behind its score: each requirement's reason, counts and latest dates. */
function SiteDetail({ code }: { code: string }) {
  const detail = useLoad<Detail>(`/pbgdpl-coverage/sites/${encodeURIComponent(code)}`);
  if (detail.state === 'loading') return <p role="status">Đang tải…</p>;
  if (detail.state === 'error') return <p role="alert">{detail.message}</p>;
  const d = detail.data;
  return (
    <table style={{ ...styles.table, maxWidth: 1000 }}>
      <caption style={{ textAlign: 'left', ...styles.note }}>
        Chi tiết {code}
        {d.qaResponse ? `; hỏi đáp: ${d.qaResponse.answered}/${d.qaResponse.received} câu đã trả lời, trung vị ${d.qaResponse.medianHours ?? '—'} giờ` : ''}
      </caption>
      <thead>
        <tr>
          <th style={styles.th} scope="col">Yêu cầu</th>
          <th style={styles.th} scope="col">Đánh giá</th>
          <th style={styles.th} scope="col">Bài của đơn vị / hiển thị</th>
          <th style={styles.th} scope="col">Bài mới nhất của đơn vị</th>
        </tr>
      </thead>
      <tbody>
        {d.requirements.map((r) => {
          const section = d.sections[r.code];
          return (
            <tr key={r.code}>
              <th style={styles.td} scope="row">{r.code} {r.label}</th>
              <td style={styles.td}>{r.stateLabel}. {r.note}</td>
              <td style={styles.td}>{section ? `${section.own} / ${section.shown}` : `${d.newlyEffective.shown} / ${d.newlyEffective.concerning} văn bản`}</td>
              <td style={styles.td}>
                {section ? `${section.latestOwnAt ? vnDate(section.latestOwnAt) : '—'} (hiển thị: ${section.latestShownAt ? vnDate(section.latestShownAt) : '—'})` : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt style={styles.note}>{label}</dt>
      <dd style={{ margin: 0, fontSize: 28, fontWeight: 600 }}>{value}</dd>
    </div>
  );
}

function RollUpTable({ caption, rows, requirements }: { caption: string; rows: RollUp[]; requirements: Array<{ code: string; label: string }> }) {
  return (
    <div style={{ overflowX: 'auto', marginBottom: 24 }}>
      <table style={styles.table}>
        <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>{caption}</caption>
        <thead>
          <tr>
            <th style={styles.th} scope="col">Nhóm</th>
            <th style={styles.th} scope="col">Số trang</th>
            <th style={styles.th} scope="col">Điểm trung bình</th>
            <th style={styles.th} scope="col">Đạt đủ</th>
            {requirements.map((r) => <th key={r.code} style={styles.th} scope="col"><abbr title={r.label}>{r.code}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key}>
              <th style={styles.td} scope="row">{g.label}</th>
              <td style={styles.td}>{g.sites}</td>
              <td style={styles.td}>{g.meanScore ?? '—'}</td>
              <td style={styles.td}>{g.fullyMet}</td>
              {requirements.map((r) => <td key={r.code} style={styles.td}>{percent(g.metByRequirement[r.code] ?? 0, g.sites)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DemandView({ load }: { load: Load<Demand> }) {
  if (load.state === 'loading') return <p role="status">Đang tải…</p>;
  if (load.state === 'error') return <p>Chưa có số liệu về nhu cầu của người dân ({load.message})</p>;
  const { questionsByField, questionVolume, searches } = load.data;
  const fieldsChart: ChartConfiguration = {
    type: 'bar',
    data: { labels: questionsByField.map((f) => f.field), datasets: [{ label: 'Số câu hỏi', data: questionsByField.map((f) => f.count), backgroundColor: '#0c75af' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  };
  const volumeChart: ChartConfiguration = {
    type: 'line',
    data: { labels: questionVolume.map((v) => vnDate(v.date)), datasets: [{ label: 'Số câu hỏi mỗi ngày', data: questionVolume.map((v) => v.count), borderColor: '#4945ff' }] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
  };
  return (
    <div style={styles.grid}>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>Câu hỏi theo lĩnh vực</figcaption>
        {questionsByField.length === 0 ? <p style={styles.note}>Chưa có câu hỏi.</p> : <ChartCanvas config={fieldsChart} label="Biểu đồ: số câu hỏi theo lĩnh vực; số liệu ở danh sách bên dưới" />}
        <ul>{questionsByField.map((f) => <li key={f.field}>{f.field}: {f.count}</li>)}</ul>
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>Số câu hỏi theo ngày</figcaption>
        {questionVolume.length === 0 ? <p style={styles.note}>Chưa có câu hỏi.</p> : <ChartCanvas config={volumeChart} label="Biểu đồ đường: số câu hỏi theo ngày" />}
      </figure>
      <div>
        <h3 style={{ fontSize: 16, fontWeight: 600, margin: '0 0 8px' }}>Từ khóa được tìm nhiều</h3>
        {searches.length === 0 ? (
          <p style={styles.note}>Chưa có lượt tìm kiếm nào được ghi nhận.</p>
        ) : (
          <ol>{searches.map((s) => <li key={s.query}>{s.query} ({s.count})</li>)}</ol>
        )}
      </div>
    </div>
  );
}

export default CoveragePage;
