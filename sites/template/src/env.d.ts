/// <reference types="astro/client" />
import type { SnapshotSource } from './lib/snapshot-source';

declare global {
  namespace App {
    interface Locals {
      /** The snapshot a warm renderer renders this request from (src/middleware.ts); absent in `astro build`. */
      pbgdplSnapshot?: SnapshotSource;
    }
  }
}
