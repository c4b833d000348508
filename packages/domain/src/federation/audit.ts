/**
 * The audit log's vocabulary and the before/after of a change. Pure: the CMS passes plain
 * values (relations as lists of documentIds, components without their ids).
 */

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discard_draft',
  'clone',
  'denied',
  'site_merge',
  'urgent_publish',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xóa',
  publish: 'Xuất bản',
  unpublish: 'Gỡ xuất bản',
  discard_draft: 'Hủy bản nháp',
  clone: 'Nhân bản',
  denied: 'Bị từ chối',
  site_merge: 'Hợp nhất trang',
  urgent_publish: 'Xuất bản khẩn (không qua duyệt)',
};

/** Where a changed value stood for a field that must never be copied into the log. */
export const REDACTED = '[đã ẩn]';

export type FieldChange = { before: unknown; after: unknown };

/**
 * The fields whose value differs between `before` and `after` (either may be null: a creation
 * or a deletion), with both values. Fields listed in `redact` are reported as changed without
 * their values; fields in `ignore` (timestamps, ids) are skipped.
 */
export function auditChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  options: { redact?: readonly string[]; ignore?: readonly string[] } = {},
): Record<string, FieldChange> {
  const redact = new Set(options.redact ?? []);
  const ignore = new Set(options.ignore ?? []);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...keys].sort()) {
    if (ignore.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (stableJson(b) === stableJson(a)) continue;
    changes[key] = redact.has(key)
      ? { before: b === null ? null : REDACTED, after: a === null ? null : REDACTED }
      : { before: b, after: a };
  }
  return changes;
}

/** Undefined, empty strings and empty lists all mean "no value". */
function normalise(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}

/** JSON with object keys sorted, so that equal values compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
