/**
 * The API reference as Markdown files (`docs/api/`): an index with the rules every type shares
 * (no key, published only, locales, pagination limits, filter operators, sort, populate, errors,
 * the other public addresses) and one page per public type (its addresses, fields, filters and
 * worked examples). Pure and deterministic: the same model gives the same bytes, which the test
 * compares with the committed files.
 */
import type { Example } from './examples';
import type { FieldDoc, ReferenceModel, TypeDoc } from './model';

export const GENERATED_NOTE =
  '<!-- Tạo tự động bởi `pnpm api:reference` từ lược đồ của CMS đang chạy (cms/scripts/api-reference). Đừng sửa tay: sửa mã rồi chạy lại lệnh. -->';

/** The demo's CMS address, used in the examples. */
const BASE_URL = 'http://127.0.0.1:1337';

const OPERATOR_MEANINGS: Record<string, string> = {
  eq: 'bằng',
  eqi: 'bằng, không phân biệt hoa thường',
  ne: 'khác',
  nei: 'khác, không phân biệt hoa thường',
  lt: 'nhỏ hơn',
  lte: 'nhỏ hơn hoặc bằng',
  gt: 'lớn hơn',
  gte: 'lớn hơn hoặc bằng',
  in: 'thuộc danh sách',
  notIn: 'không thuộc danh sách',
  contains: 'chứa (phân biệt hoa thường)',
  notContains: 'không chứa (phân biệt hoa thường)',
  containsi: 'chứa, không phân biệt hoa thường',
  notContainsi: 'không chứa, không phân biệt hoa thường',
  null: 'trống (true) hoặc không trống (false)',
  notNull: 'không trống (true)',
  between: 'trong khoảng [a, b]',
  startsWith: 'bắt đầu bằng',
  endsWith: 'kết thúc bằng',
  and: 'mọi điều kiện trong danh sách',
  or: 'một trong các điều kiện',
  not: 'phủ định điều kiện',
};

export function pageFile(type: TypeDoc): string {
  return `${type.plural}.md`;
}

/** Every file of the reference, by name. */
export function renderReference(
  model: ReferenceModel,
  examples: Readonly<Record<string, readonly Example[]>>,
): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', renderIndex(model));
  for (const type of model.types) files.set(pageFile(type), renderType(type, examples[type.uid] ?? []));
  return files;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

function renderIndex(model: ReferenceModel): string {
  const { limits } = model;
  const lines = [
    GENERATED_NOTE,
    '',
    '# Tài liệu tham chiếu API công khai',
    '',
    'Nền tảng PBGDPL cho mọi người đọc nội dung đã công bố qua hai giao diện dùng chung một bộ quyền:',
    `REST (\`${BASE_URL}/api/…\`) và GraphQL (\`POST ${BASE_URL}/graphql\`). Địa chỉ trong các ví dụ là của`,
    'bản demo (`pnpm demo`); trên máy chủ thật, thay bằng địa chỉ công khai của CMS. Muốn lấy toàn bộ',
    'dữ liệu một lần, dùng [dữ liệu mở](../open-data.md) thay vì duyệt API từng trang.',
    '',
    '## Nguyên tắc chung',
    '',
    '- **Chỉ đọc, không cần khoá.** Không đăng nhập, không khoá API; mọi thao tác ghi đều bị từ chối.',
    '- **Chỉ nội dung đã xuất bản.** Bản nháp, hoặc ngôn ngữ chưa xuất bản, không có trong kết quả.',
    '- **Không có trường riêng tư.** Thông tin người hỏi, trạng thái duyệt, ghi chú nội bộ… không có trong',
    '  lược đồ: hỏi tới chúng, REST trả `400` nêu tên trường, GraphQL báo lỗi không có trường đó.',
    `- **Ngôn ngữ:** ${model.locales.map((l) => `\`${l}\``).join(', ')}; \`vi\` là mặc định. REST \`?locale=en\`,`,
    '  GraphQL `locale: "en"`. Các dữ kiện chung (trang sở hữu, lĩnh vực, ngày…) giống nhau ở mọi ngôn ngữ.',
    '',
    '## Phân trang',
    '',
    table(
      ['giao diện', 'mặc định', 'tối đa mỗi trang', 'cách hỏi', 'tổng số'],
      [
        [
          'REST',
          String(limits.restDefault),
          String(limits.restMax),
          '`pagination[page]=2&pagination[pageSize]=20` hoặc `pagination[start]`/`pagination[limit]`',
          '`meta.pagination`: `page`, `pageSize`, `pageCount`, `total`',
        ],
        [
          'GraphQL',
          String(limits.graphqlDefault),
          String(limits.graphqlMax),
          '`pagination: { page: 2, pageSize: 20 }`',
          '`<danh sách>_connection { nodes … pageInfo { total page pageSize pageCount } }`',
        ],
      ],
    ),
    '',
    `Xin một trang lớn hơn mức tối đa thì nhận mức tối đa (không báo lỗi). Truy vấn GraphQL sâu tối đa`,
    `${limits.graphqlDepth} cấp. Khi duyệt hết một danh sách, sắp xếp thêm theo`,
    '`documentId` ở cuối để các trang không trùng, không sót.',
    '',
    '## Lọc',
    '',
    'REST: `filters[<trường>][$<toán tử>]=<giá trị>`, qua quan hệ: `filters[owningSite][code][$eq]=ha-noi`;',
    'kết hợp bằng `filters[$or][0][…]`, `$and`, `$not`. GraphQL: `filters: { <trường>: { <toán tử>: … } }`.',
    'Nên lọc theo một quan hệ mỗi lần: `$or` qua hai quan hệ làm truy vấn chậm.',
    '',
    table(
      ['GraphQL', 'REST', 'ý nghĩa'],
      model.operators.map((op) => [`\`${op}\``, `\`$${op}\``, OPERATOR_MEANINGS[op] ?? '—']),
    ),
    '',
    '## Sắp xếp, chọn trường, lấy kèm quan hệ',
    '',
    '- Sắp xếp: REST `sort[0]=publishedAt:desc&sort[1]=documentId:asc`; GraphQL',
    '  `sort: ["publishedAt:desc", "documentId:asc"]`.',
    '- REST chỉ trả các trường của chính mục: quan hệ, tệp và thành phần phải xin bằng `populate`',
    '  (`populate=*` một cấp, `populate[owningSite][fields][0]=code`, `populate[files][populate][file]=true`);',
    '  chọn trường bằng `fields[0]=title&fields[1]=slug`. GraphQL trả đúng những gì truy vấn nêu.',
    '',
    '## Lỗi',
    '',
    'Lỗi có dạng `{ "data": null, "error": { "status": 400, "name": "ValidationError", "message": "…" } }`:',
    '`400` khi tham số sai (trường không có hoặc riêng tư, toán tử sai), `404` khi không có mục, `403` khi hỏi thao tác',
    'không được phép. GraphQL trả `errors` kèm thông báo.',
    '',
    '## Các loại nội dung',
    '',
    table(
      ['loại', 'REST', 'GraphQL (danh sách / kèm tổng số / một mục)', 'trang'],
      model.types.map((t) => [
        t.title,
        `\`/api/${t.plural}\``,
        `\`${t.graphql.list}\` / \`${t.graphql.connection}\` / \`${t.graphql.single}\``,
        `[${t.plural}](${pageFile(t)})`,
      ]),
    ),
    '',
    '## Các địa chỉ công khai khác',
    '',
    '- `GET /api/health` — tình trạng CMS: `{ status, database, databaseClient, strapiVersion, uptimeSeconds }`',
    '  (503 khi cơ sở dữ liệu không trả lời).',
    '- `GET /api/pbgdpl-coverage/public/<mã trang>` — trang đạt bao nhiêu yêu cầu nội dung bắt buộc và thời',
    '  gian trả lời hỏi đáp của đơn vị trong 365 ngày: `{ site, met, total, requirements, qaResponseTime:',
    '  { windowDays, received, answered, open, medianHours, p90Hours }, computedAt }` ([chi tiết](../coverage.md)).',
    '- `/_open-data/` trên mọi trang — toàn bộ dữ liệu công khai mỗi ngày, JSON Lines và CSV',
    '  ([dữ liệu mở](../open-data.md)).',
    '',
  ];
  return lines.join('\n');
}

function renderType(type: TypeDoc, examples: readonly Example[]): string {
  const lines = [
    GENERATED_NOTE,
    '',
    `# ${type.title} — \`${type.uid}\``,
    '',
    type.description,
    '',
    `- REST: \`GET /api/${type.plural}\` (danh sách), \`GET /api/${type.plural}/{documentId}\` (một mục).`,
    `- GraphQL: \`${type.graphql.list}\` (danh sách), \`${type.graphql.connection}\` (danh sách kèm \`pageInfo\`),`,
    `  \`${type.graphql.single}(documentId: "…")\` (một mục); bộ lọc \`${type.graphql.filters}\`.`,
    `- Đối số của danh sách GraphQL: ${type.listArguments.map((a) => `\`${a}\``).join(', ')}. \`status\`,`,
    '  `publicationFilter` và `hasPublishedVersion` không mở được bản nháp: người đọc công khai luôn nhận bản đã xuất bản.',
    type.localized
      ? '- Có bản theo ngôn ngữ: mỗi ngôn ngữ một bản ghi, cùng `documentId`; cột “theo ngôn ngữ” cho biết trường nào khác nhau.'
      : '- Không phân biệt ngôn ngữ.',
    type.draftAndPublish ? '- Chỉ các bản đã xuất bản.' : '- Không có bản nháp: mọi bản ghi đều công khai.',
    '',
    '## Trường',
    '',
    table(
      ['trường', 'kiểu GraphQL', 'ý nghĩa', 'theo ngôn ngữ', 'lọc bằng'],
      type.fields.map((f) => [
        `\`${f.name}\``,
        `\`${f.graphqlType}\``,
        meaning(f),
        f.localized ? 'có' : '—',
        f.filter ? `\`${f.filter}\`` : '—',
      ]),
    ),
    '',
  ];
  if (examples.length > 0) {
    lines.push('## Ví dụ', '');
    for (const example of examples) lines.push(...renderExample(example));
  }
  return lines.join('\n');
}

function meaning(field: FieldDoc): string {
  const values =
    field.enumValues.length > 0 ? ` Giá trị: ${field.enumValues.map((v) => `\`${v}\``).join(', ')}.` : '';
  const extra =
    field.kind === 'relation'
      ? ' (quan hệ: REST cần `populate`)'
      : field.kind === 'media'
        ? ' (tệp: REST cần `populate`)'
        : field.kind === 'component'
          ? ' (thành phần: REST cần `populate`)'
          : '';
  return `${field.label}${extra}.${values}`.replace(/\.\./g, '.');
}

function renderExample(example: Example): string[] {
  const lines = [`### ${example.title}`, ''];
  if (example.rest) {
    const params = example.rest.params.map(([key, value]) => `  --data-urlencode '${key}=${value}'`);
    lines.push(
      'REST:',
      '',
      '```sh',
      [`curl -s -G '${BASE_URL}${example.rest.path}'`, ...params].join(' \\\n'),
      '```',
      '',
    );
  }
  if (example.graphql) {
    const body = JSON.stringify({ query: example.graphql.query, variables: example.graphql.variables ?? {} });
    lines.push('GraphQL:', '', '```graphql', example.graphql.query, '```', '');
    if (example.graphql.variables)
      lines.push('Biến:', '', '```json', JSON.stringify(example.graphql.variables, null, 2), '```', '');
    lines.push(
      'Gửi bằng curl:',
      '',
      '```sh',
      `curl -s ${BASE_URL}/graphql -H 'content-type: application/json' --data-binary @- <<'JSON'`,
      body,
      'JSON',
      '```',
      '',
    );
  }
  return lines;
}
