/**
 * A warm renderer hands each request the snapshot to render from, in `locals` (the Node adapter's
 * middleware handler takes them as its fourth argument); every read of that request then goes to
 * it (src/lib/snapshot.ts). Without one — `astro build` — pages read the snapshot on disk.
 */
import { defineMiddleware } from 'astro:middleware';
import { withSnapshot } from './lib/snapshot';

export const onRequest = defineMiddleware((context, next) => {
  const snapshot = context.locals.pbgdplSnapshot;
  return snapshot ? withSnapshot(snapshot, next) : next();
});
