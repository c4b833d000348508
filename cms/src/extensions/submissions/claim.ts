import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { REJECT } from './rejection';
import { claimFingerprint } from './store';

interface PendingClaim {
  uid: string;
  fingerprint: string;
  windowSeconds: number;
  now: Date;
}

const pending = new AsyncLocalStorage<PendingClaim>();

/**
 * Runs `create` (a Document Service create by the intake) with a duplicate fingerprint to claim
 * in the same database transaction as the item it stores.
 */
export function withFingerprint<T>(claim: PendingClaim, create: () => Promise<T>): Promise<T> {
  return pending.run(claim, create);
}

/**
 * The claim as a Document Service middleware, inside the write's transaction (the audit log's,
 * or one of its own), so the fingerprint and the question commit or roll back together: a
 * failed store (the database went away) leaves no claim that would refuse the citizen's retry,
 * and of two identical posts the second waits for the first's commit and is refused. (Wrapping
 * the create in a transaction from outside the Document Service would hold a connection while
 * outer middlewares take another one: under load the pool runs dry.)
 */
export function registerFingerprintClaim(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const claim = pending.getStore();
    if (!claim || context.action !== 'create' || context.uid !== claim.uid) return next();
    return strapi.db.transaction(async ({ trx }) => {
      if (!(await claimFingerprint(trx, claim.fingerprint, claim.windowSeconds, claim.now)))
        throw REJECT.duplicate();
      return next();
    }) as unknown as ReturnType<typeof next>;
  });
}
