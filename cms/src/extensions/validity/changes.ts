import type { Core } from '@strapi/strapi';
import type { IsoDate, ValiditySnapshot } from '@pbgdpl/domain';

/** One document's stored validity moved: what it was, what it is now, as of which day. */
export interface ValidityChange {
  documentId: string;
  asOf: IsoDate;
  before: ValiditySnapshot;
  after: ValiditySnapshot;
}

export type ValidityChangeListener = (change: ValidityChange) => Promise<void>;

/** Kept on the Strapi instance (a global symbol), so every copy of this module shares it. */
const LISTENERS = Symbol.for('pbgdpl.validity.change-listeners');
type WithListeners = Core.Strapi & { [LISTENERS]?: ValidityChangeListener[] };

/**
 * Calls `listener` after every recomputation that changes a document's stored validity (a
 * relation written, the document's dates edited, the nightly date flip). Other concerns (the
 * "may be outdated" flag on citing items) hook in here, so validity knows nothing of them.
 */
export function onValidityChange(strapi: Core.Strapi, listener: ValidityChangeListener): void {
  ((strapi as WithListeners)[LISTENERS] ??= []).push(listener);
}

export async function emitValidityChange(strapi: Core.Strapi, change: ValidityChange): Promise<void> {
  for (const listener of (strapi as WithListeners)[LISTENERS] ?? []) await listener(change);
}
