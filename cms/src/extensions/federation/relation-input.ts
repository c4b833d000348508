/**
 * What a write does to a relation field, whatever syntax the caller used. Strapi 5 accepts a
 * documentId, a database id, `{ documentId }`, `{ id }`, a list of those, `{ set: [...] }`,
 * `{ connect: [...], disconnect: [...] }` (the admin panel's form) and null.
 */
export type RelationRef = { documentId: string } | { id: number };

export type RelationChange =
  | { kind: 'unchanged' }
  | { kind: 'set'; refs: RelationRef[] }
  | { kind: 'patch'; connect: RelationRef[]; disconnect: RelationRef[] };

export function parseRelationInput(present: boolean, value: unknown): RelationChange {
  if (!present || value === undefined) return { kind: 'unchanged' };
  if (value === null) return { kind: 'set', refs: [] };
  if (Array.isArray(value)) return { kind: 'set', refs: refsOf(value) };
  if (typeof value === 'object') {
    const v = value as {
      set?: unknown;
      connect?: unknown;
      disconnect?: unknown;
      documentId?: unknown;
      id?: unknown;
    };
    if ('id' in v || 'documentId' in v) return { kind: 'set', refs: refsOf([v]) };
    if ('set' in v) return { kind: 'set', refs: refsOf(asList(v.set)) };
    if ('connect' in v || 'disconnect' in v) {
      return { kind: 'patch', connect: refsOf(asList(v.connect)), disconnect: refsOf(asList(v.disconnect)) };
    }
  }
  return { kind: 'set', refs: refsOf([value]) };
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function refsOf(values: unknown[]): RelationRef[] {
  const out: RelationRef[] = [];
  for (const value of values) {
    if (typeof value === 'string' && value !== '') {
      // Strapi reads a string that parseInt accepts as an id, anything else as a documentId.
      const id = parseInt(value, 10);
      out.push(Number.isNaN(id) ? { documentId: value } : { id });
    } else if (typeof value === 'number') {
      out.push({ id: value });
    } else if (value && typeof value === 'object') {
      const v = value as { documentId?: unknown; id?: unknown };
      if (typeof v.documentId === 'string') out.push({ documentId: v.documentId });
      else if (typeof v.id === 'number' || typeof v.id === 'string')
        out.push({ id: parseInt(String(v.id), 10) });
    }
  }
  return out;
}

/**
 * The target of a to-one relation after the write, given what it pointed at before: a ref,
 * `null` (nothing), or `'unchanged'`.
 */
export function toOneAfter(change: RelationChange): RelationRef | null | 'unchanged' {
  switch (change.kind) {
    case 'unchanged':
      return 'unchanged';
    case 'set':
      // Strapi keeps the last one when a to-one relation is given several.
      return change.refs[change.refs.length - 1] ?? null;
    case 'patch':
      if (change.connect.length > 0) return change.connect[change.connect.length - 1]!;
      return change.disconnect.length > 0 ? null : 'unchanged';
  }
}

/** Every target a write adds to a relation (to check it may be linked to). */
export function addedRefs(change: RelationChange): RelationRef[] {
  if (change.kind === 'set') return change.refs;
  if (change.kind === 'patch') return change.connect;
  return [];
}
