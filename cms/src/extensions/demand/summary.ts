import type { Core } from '@strapi/strapi';
import { addDays, todayInVietnam } from '@pbgdpl/domain';
import { DEMAND_SEARCHES } from './store';
import { CONTENT_TYPES } from '../../content-types';

const QA = CONTENT_TYPES.qa;
const LEGAL_FIELD = CONTENT_TYPES.legalField;
/** Top searches listed. */
const TOP_SEARCHES = 50;
const UNCLASSIFIED = 'Chưa phân loại lĩnh vực';

export interface DemandSummaryInput {
  /** Sites counted (database ids); null: the whole country. */
  siteIds: number[] | null;
  /** Days up to and including today (Vietnam time). */
  days: number;
  now: Date;
  kAnonymity: number;
}

export interface DemandSummary {
  from: string;
  to: string;
  days: number;
  /**
   * Citizens' questions received in the period, by legal field (one question may have several):
   * the field's Vietnamese name and its code (null for questions without a field).
   */
  questionsByField: Array<{ field: string; code: string | null; count: number }>;
  /** Citizens' questions received per day, every day of the period (0 included). */
  questionVolume: Array<{ date: string; count: number }>;
  questionTotal: number;
  /** The most searched queries, only those searched at least `kAnonymity` times nationally. */
  searches: Array<{ query: string; count: number }>;
  /** All searches counted in the period, and those left out by the k-anonymity rule. */
  searchTotal: number;
  searchesBelowThreshold: number;
  kAnonymity: number;
}

/**
 * What citizens ask and search for, for some sites or the whole country. Questions are the Q&A
 * items received through the public form (`receivedAt` set), published or not, counted once per
 * document whatever its locales; searches come from the beacon's counters.
 */
export async function demandSummary(strapi: Core.Strapi, input: DemandSummaryInput): Promise<DemandSummary> {
  const to = todayInVietnam(input.now);
  const from = addDays(to, -(input.days - 1));
  const questions = await receivedQuestions(strapi, input.siteIds, from);
  const searches = await topSearches(strapi, input, from, to);
  return {
    from,
    to,
    days: input.days,
    questionsByField: await questionsByField(strapi, questions),
    questionVolume: volumePerDay(questions, from, input.days),
    questionTotal: questions.size,
    ...searches,
    kAnonymity: input.kAnonymity,
  };
}

type Knex = Core.Strapi['db']['connection'];
interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

function qaTables(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(QA) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
  };
  const column = (name: string) => meta.attributes[name]?.columnName ?? name;
  const join = (name: string) => {
    const table = meta.attributes[name]?.joinTable;
    if (!table) throw new Error(`demand: ${QA}.${name} has no join table`);
    return table;
  };
  return {
    table: meta.tableName,
    id: column('id'),
    documentId: column('documentId'),
    publishedAt: column('publishedAt'),
    receivedAt: column('receivedAt'),
    owningSite: join('owningSite'),
    fields: join('fields'),
  };
}

/** documentId → the Vietnam day it was received, for the questions in scope since `from`. */
async function receivedQuestions(
  strapi: Core.Strapi,
  siteIds: number[] | null,
  from: string,
): Promise<Map<string, string>> {
  const t = qaTables(strapi);
  const knex: Knex = strapi.db.connection;
  // Every document has a draft row (Strapi 5), published or not: count the drafts.
  const query = knex(`${t.table} as q`)
    .select(`q.${t.documentId} as documentId`, `q.${t.receivedAt} as receivedAt`)
    .whereNull(`q.${t.publishedAt}`)
    .where(`q.${t.receivedAt}`, '>=', new Date(`${from}T00:00:00+07:00`));
  if (siteIds !== null) {
    if (siteIds.length === 0) return new Map();
    query
      .join(`${t.owningSite.name} as o`, `o.${t.owningSite.joinColumn.name}`, `q.${t.id}`)
      .whereIn(`o.${t.owningSite.inverseJoinColumn.name}`, siteIds);
  }
  const received = new Map<string, string>();
  for (const row of (await query) as Array<{ documentId: string; receivedAt: unknown }>) {
    const day = todayInVietnam(new Date(row.receivedAt as string | number | Date));
    const known = received.get(row.documentId);
    if (!known || day < known) received.set(row.documentId, day);
  }
  return received;
}

async function questionsByField(
  strapi: Core.Strapi,
  questions: Map<string, string>,
): Promise<DemandSummary['questionsByField']> {
  if (questions.size === 0) return [];
  const t = qaTables(strapi);
  const fieldTable = (strapi.db.metadata.get(LEGAL_FIELD) as unknown as { tableName: string }).tableName;
  const knex: Knex = strapi.db.connection;
  const ids = [...questions.keys()];
  const rows: Array<{ documentId: string; code: string; name: string }> = [];
  // In slices: a national month may hold thousands of questions, past SQLite's variable limit.
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...((await knex(`${t.table} as q`)
        .join(`${t.fields.name} as j`, `j.${t.fields.joinColumn.name}`, `q.${t.id}`)
        .join(`${fieldTable} as f`, 'f.id', `j.${t.fields.inverseJoinColumn.name}`)
        .whereIn(`q.${t.documentId}`, ids.slice(i, i + 500))
        .whereNull(`q.${t.publishedAt}`)
        .select(`q.${t.documentId} as documentId`, 'f.code as code', 'f.name as name')) as typeof rows),
    );
  }
  const byField = new Map<string, { name: string; documents: Set<string> }>();
  const classified = new Set<string>();
  for (const row of rows) {
    const entry = byField.get(row.code) ?? { name: row.name, documents: new Set<string>() };
    entry.documents.add(row.documentId);
    byField.set(row.code, entry);
    classified.add(row.documentId);
  }
  const result: DemandSummary['questionsByField'] = [...byField].map(([code, e]) => ({
    field: e.name,
    code,
    count: e.documents.size,
  }));
  const unclassified = questions.size - classified.size;
  if (unclassified > 0) result.push({ field: UNCLASSIFIED, code: null, count: unclassified });
  // Most asked first; "unclassified" after the fields with as many questions.
  return result.sort(
    (a, b) =>
      b.count - a.count ||
      Number(a.code === null) - Number(b.code === null) ||
      a.field.localeCompare(b.field, 'vi'),
  );
}

function volumePerDay(questions: Map<string, string>, from: string, days: number) {
  const counts = new Map<string, number>();
  for (const day of questions.values()) counts.set(day, (counts.get(day) ?? 0) + 1);
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    return { date, count: counts.get(date) ?? 0 };
  });
}

/**
 * The top queries of the sites (or the country) whose national total in the period reaches k.
 * The national totals are computed over every site whatever the caller may see: the rule is
 * about how common a query is, not about who asks for the figures.
 */
async function topSearches(strapi: Core.Strapi, input: DemandSummaryInput, from: string, to: string) {
  const knex: Knex = strapi.db.connection;
  const inPeriod = (q: ReturnType<Knex>) => q.where('day', '>=', from).andWhere('day', '<=', to);
  const common = inPeriod(knex(DEMAND_SEARCHES).select('query'))
    .groupBy('query')
    .having(knex.raw('SUM(searches) >= ?', [input.kAnonymity]));
  const scoped = () => {
    const q = inPeriod(knex(DEMAND_SEARCHES));
    if (input.siteIds !== null) q.whereIn('site_id', input.siteIds.length > 0 ? input.siteIds : [-1]);
    return q;
  };
  const top = (await scoped()
    .whereIn('query', common)
    .select('query')
    .sum({ total: 'searches' })
    .groupBy('query')
    .orderBy([
      { column: 'total', order: 'desc' },
      { column: 'query', order: 'asc' },
    ])
    .limit(TOP_SEARCHES)) as Array<{ query: string; total: unknown }>;
  const all = (await scoped().sum({ total: 'searches' }).first()) as { total: unknown } | undefined;
  const shown = (await scoped().whereIn('query', common).sum({ total: 'searches' }).first()) as
    { total: unknown } | undefined;
  const searchTotal = Number(all?.total ?? 0);
  return {
    searches: top.map((r) => ({ query: r.query, count: Number(r.total) })),
    searchTotal,
    searchesBelowThreshold: searchTotal - Number(shown?.total ?? 0),
  };
}
