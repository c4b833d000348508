import { BODY_REFUSALS } from './refusal';

/** Names that reach JavaScript's object machinery rather than data (prototype pollution). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Parameters whose values are field names. */
const NAMING_PARAMETERS = new Set(['fields', 'populate', 'sort']);

/**
 * The parsed query string of any request: no NUL character anywhere (PostgreSQL cannot compare
 * one: a filter holding it failed with a 500), and `__proto__`, `constructor` or `prototype`
 * neither as a parameter's key nor as a field named by `fields`, `populate` or `sort`
 * (`fields[0]=__proto__` failed with a 500 inside Strapi).
 * @throws BodyRefused nul_character or reserved_name (400).
 */
export function checkQuery(query: unknown): void {
  visit(query, false, 0);
}

function visit(value: unknown, namesFields: boolean, depth: number): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw BODY_REFUSALS.nulCharacter('query');
    if (namesFields && value.split(/[.,:]/).some((part) => RESERVED.has(part.trim())))
      throw BODY_REFUSALS.reservedName(value.slice(0, 60));
    return;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key.includes('\u0000')) throw BODY_REFUSALS.nulCharacter('query');
    if (RESERVED.has(key)) throw BODY_REFUSALS.reservedName(key);
    const child = (value as Record<string, unknown>)[key];
    visit(child, namesFields || (depth === 0 && NAMING_PARAMETERS.has(key)), depth + 1);
  }
}
