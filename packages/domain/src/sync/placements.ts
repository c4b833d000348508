/**
 * Where an item shows, as a change event carries it (`pbgdpl_change_events.placements`): the CMS
 * writes the placements of the item before and after a change, the sync engine turns them into
 * the sites to rebuild (its `affectedSites`) without asking the CMS again. Site codes, never
 * database ids (ids differ between databases). Bump PLACEMENT_FORMAT when a kind changes meaning;
 * a new kind may be added without a bump, since a reader skips the kinds it does not know.
 */
export const PLACEMENT_FORMAT = 1;

export type ChangePlacement =
  | {
      kind: 'legal-document';
      scope: 'national' | 'local' | null;
      owningSite: string | null;
      scopeSite: string | null;
    }
  | {
      kind: 'editorial';
      owningSite: string | null;
      audience: string | null;
      audienceSiteKinds: string[];
      audienceProvinces: string[];
      mandatory: boolean;
      fields: string[];
    }
  | { kind: 'site'; code: string; parent: string | null }
  /**
   * A site that adopted an item (api::site-adoption) prints it with its local note: that site
   * only. Carried by the adoption's own events and by every event of the adopted item.
   */
  | { kind: 'adoption'; adoptingSite: string }
  /** A vocabulary every site prints (issuing bodies, legal fields): every site. */
  | { kind: 'everywhere' };

/** Where a change came from: a Document Service write, a validity recomputation, a date that came. */
export type ChangeSource = 'document-service' | 'validity' | 'date';

/**
 * The placements of a stored event. A list that cannot be read cannot be narrowed: the event is
 * taken to reach every site (an extra build is harmless, a missed one leaves a stale page).
 */
export function parseChangePlacements(json: string): ChangePlacement[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value)) return value as ChangePlacement[];
  } catch {
    // fall through
  }
  return [{ kind: 'everywhere' }];
}
