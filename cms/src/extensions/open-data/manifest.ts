/**
 * The manifest of a day's open data (`manifest.json`), the `SHA256SUMS` beside it and the root
 * `index.json`: what a researcher reads before downloading — counts, sizes, checksums, the
 * columns, the schema version and the licence. Pure.
 */
import type { Column } from './columns';
import type { WrittenFile } from './gzip-file';

/**
 * Version of the files' layout and columns. A new column is a minor version (readers keep
 * working); a renamed or removed column, or a changed meaning, is a major one.
 */
export const OPEN_DATA_SCHEMA_VERSION = '1.0';

/**
 * The licence (docs/open-data.md, "Giấy phép"). Legal texts themselves are outside copyright in
 * Vietnam; everything the units write around them (introductions, answers, materials…) is
 * offered under CC BY 4.0: free reuse, commercial included, on condition of naming the source —
 * the condition a reader of legal information needs to judge what they read.
 */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
  attribution:
    'Ghi nguồn: “Dữ liệu mở phổ biến, giáo dục pháp luật — <tên đơn vị sở hữu nội dung>, <ngày của bản dữ liệu>”, ' +
    'kèm đường dẫn tới trang dữ liệu mở.',
  note:
    'Văn bản quy phạm pháp luật, văn bản hành chính, văn bản thuộc lĩnh vực tư pháp và bản dịch chính thức ' +
    'không thuộc đối tượng bảo hộ quyền tác giả (Luật Sở hữu trí tuệ, Điều 15): được sử dụng tự do. ' +
    'Các nội dung khác do các đơn vị biên soạn (giới thiệu văn bản, hỏi đáp, tài liệu, tình huống, video, tin, ' +
    'danh mục) được cấp phép CC BY 4.0: được sao chép, phân phối, chỉnh sửa, kết hợp, kể cả vì mục đích thương mại, ' +
    'với điều kiện ghi nguồn như trên và không làm người đọc hiểu rằng đơn vị xác nhận bản đã chỉnh sửa. ' +
    'Tệp đính kèm (ảnh, video, tài liệu tải lên) có thể ghi giấy phép riêng trong nội dung của chúng.',
  why:
    'CC BY 4.0 cho phép mọi người, kể cả doanh nghiệp và báo chí, dùng lại dữ liệu mà không phải xin phép, ' +
    'như tinh thần dữ liệu mở của cơ quan nhà nước (được dùng tự do, miễn phí, phải trích dẫn nguồn); ' +
    'điều kiện ghi công giữ được nguồn gốc — thông tin pháp luật phải truy được về đơn vị đã công bố. ' +
    'CC0 bỏ điều kiện đó; ODbL buộc chia sẻ lại theo cùng giấy phép, làm khó việc đưa dữ liệu vào sản phẩm phục vụ người dân.',
} as const;

export const FORMATS = {
  jsonl:
    'JSON Lines (UTF-8): mỗi dòng một bản ghi; nội dung định dạng (blocks) giữ cấu trúc của Strapi; ' +
    'danh sách là mảng; thời điểm theo ISO 8601 (UTC), ngày dạng YYYY-MM-DD.',
  csv:
    'CSV (RFC 4180, UTF-8 có BOM để Excel đọc đúng tiếng Việt, xuống dòng CRLF): dòng đầu là tên cột; ' +
    'nội dung định dạng thành văn bản thường; danh sách nối bằng “; ”; cấu trúc lồng nhau (thành phần, JSON) ' +
    'ghi dạng JSON; ô bắt đầu bằng = + - @ được thêm dấu nháy đơn để bảng tính không chạy như công thức.',
  compression: 'gzip',
  checksum: 'SHA-256 của tệp nén (kiểm tra: sha256sum -c SHA256SUMS)',
} as const;

/** Columns only the JSON Lines file carries (nested lists a CSV row cannot hold). */
export interface ExtraField {
  name: string;
  label: string;
}

export interface DatasetResult {
  name: string;
  title: string;
  description: string;
  contentType: string;
  records: number;
  columns: readonly Column[];
  jsonOnly: readonly ExtraField[];
  files: { jsonl: WrittenFile; csv: WrittenFile };
}

export interface Publisher {
  name: string;
  url: string | null;
}

export interface ManifestInput {
  day: string;
  generatedAt: string;
  publisher: Publisher;
  datasets: readonly DatasetResult[];
}

export function buildManifest(input: ManifestInput) {
  const datasets = input.datasets.map((d) => ({
    name: d.name,
    title: d.title,
    description: d.description,
    contentType: d.contentType,
    records: d.records,
    columns: d.columns.map((c) => ({
      name: c.name,
      label: c.label,
      type: c.kind === 'relation' ? `relation → ${c.target!.key} (${c.target!.uid})` : c.type,
      list: c.multiple,
    })),
    jsonLinesOnly: d.jsonOnly,
    files: [fileEntry(d.files.jsonl, 'jsonl', d.records), fileEntry(d.files.csv, 'csv', d.records)],
  }));
  return {
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    title: 'Dữ liệu mở phổ biến, giáo dục pháp luật',
    day: input.day,
    generatedAt: input.generatedAt,
    publisher: input.publisher,
    licence: OPEN_DATA_LICENCE,
    formats: FORMATS,
    scope:
      'Chỉ nội dung đã xuất bản của các trang đang hoạt động; hỏi đáp chỉ gồm câu trả lời đã công bố; ' +
      'không có bản nháp, trường nội bộ hay thông tin người hỏi.',
    totals: {
      records: datasets.reduce((sum, d) => sum + d.records, 0),
      bytes: datasets.reduce((sum, d) => sum + d.files.reduce((s, f) => s + f.bytes, 0), 0),
    },
    datasets,
  };
}

export type Manifest = ReturnType<typeof buildManifest>;

function fileEntry(file: WrittenFile, format: 'jsonl' | 'csv', records: number) {
  return {
    path: file.path.split(/[\\/]/).pop()!,
    format,
    compression: 'gzip',
    records,
    bytes: file.bytes,
    uncompressedBytes: file.uncompressedBytes,
    sha256: file.sha256,
  };
}

/** `sha256sum -c` input: one line per file, relative to the day's folder. */
export function sha256Sums(manifest: Manifest): string {
  return manifest.datasets
    .flatMap((d) => d.files)
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

/** The root index: every day on offer, newest first, with its totals and where its manifest is. */
export function buildIndex(manifests: ReadonlyArray<Manifest>, latest: string | null) {
  return {
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    title: 'Dữ liệu mở phổ biến, giáo dục pháp luật',
    latest,
    licence: { id: OPEN_DATA_LICENCE.id, name: OPEN_DATA_LICENCE.name, url: OPEN_DATA_LICENCE.url },
    days: [...manifests]
      .sort((a, b) => b.day.localeCompare(a.day))
      .map((m) => ({
        day: m.day,
        generatedAt: m.generatedAt,
        manifest: `${m.day}/manifest.json`,
        records: m.totals.records,
        bytes: m.totals.bytes,
      })),
  };
}
