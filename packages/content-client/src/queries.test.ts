import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as queries from './queries.js';
import { EDITORIAL_QUERIES } from './editorial-queries.js';
import { LIST_SITE_ADOPTIONS } from './adoptions.js';

// src/schema.graphql is the CMS's schema as last regenerated (`pnpm run schema:update`); when the
// CMS changes a field these queries use, regenerating it makes this test fail until they follow.
const schema = buildSchema(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

describe('the client’s queries', () => {
  const all: Array<[string, { operation: string; document: string }]> = [];
  for (const [name, value] of Object.entries(queries)) {
    if (typeof value === 'object' && value !== null && 'document' in value) all.push([name, value]);
  }

  it('are all checked here', () => {
    expect(all.map(([name]) => name).sort()).toEqual([
      'GET_SITE',
      'LIST_DOCUMENTS',
      'LIST_DOCUMENT_RELATIONS',
      'LIST_SITES',
    ]);
  });

  const editorial = Object.entries(EDITORIAL_QUERIES).flatMap(([type, q]) => [
    [`${type} listSiteItems`, q.listSiteItems] as [string, { operation: string; document: string }],
    [`${type} getSiteItem`, q.getSiteItem] as [string, { operation: string; document: string }],
    [`${type} listSyndicatedItems`, q.listSyndicatedItems] as [string, { operation: string; document: string }],
  ]);

  const adoptions: Array<[string, { operation: string; document: string }]> = [
    ['LIST_SITE_ADOPTIONS', LIST_SITE_ADOPTIONS],
  ];

  it.each([...all, ...editorial, ...adoptions])(
    '%s is valid against the committed CMS schema and named after its operation',
    (_name, query) => {
      const document = parse(query.document);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const operation = document.definitions[0];
      expect(operation?.kind === 'OperationDefinition' && operation.name?.value).toBe(query.operation);
    },
  );
});
