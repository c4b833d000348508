import type { ContentClient, Site } from '@pbgdpl/content-client';
import { registryLoader } from './registry.js';

const site = (code: string): Site =>
  ({ code, kind: 'province', parent: null, enabled: true }) as unknown as Site;

/** A client whose listSites answers with `current` after the test lets it (one gate per call). */
function slowClient() {
  let current = [site('ha-noi')];
  const gates: Array<() => void> = [];
  let calls = 0;
  const client = {
    listSites: async () => {
      calls += 1;
      const answer = current;
      await new Promise<void>((r) => gates.push(r));
      return answer;
    },
  } as unknown as ContentClient;
  return {
    client,
    set: (codes: string[]) => (current = codes.map(site)),
    open: async () => {
      while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
      gates.shift()!();
    },
    calls: () => calls,
  };
}

test('a stale registry is answered at once while a fresh copy loads in the background', async () => {
  const cms = slowClient();
  const load = registryLoader(cms.client, 0);
  const first = load();
  await cms.open();
  expect((await first).get('ha-noi')).toBeDefined();
  cms.set(['ha-noi', 'hai-phong']);
  // Older than the TTL (0): answered from the cache, without waiting for the CMS.
  expect((await load()).get('hai-phong')).toBeUndefined();
  expect(cms.calls()).toBe(2);
  await cms.open();
  await new Promise((r) => setTimeout(r, 5));
  const next = load();
  expect((await next).get('hai-phong')).toBeDefined();
});

test('a fresh read waits for a load already running and reads again, so a registry change is never missed', async () => {
  const cms = slowClient();
  const load = registryLoader(cms.client, 0);
  const first = load();
  await cms.open();
  await first;
  void load(); // starts a background load of the old registry
  cms.set(['ha-noi', 'hai-phong']);
  const fresh = load({ fresh: true });
  await cms.open(); // the background load ends (old data)
  await cms.open(); // the fresh read
  expect((await fresh).get('hai-phong')).toBeDefined();
  expect(cms.calls()).toBe(3);
});
