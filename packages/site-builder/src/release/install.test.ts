import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReleaseCheckError, currentRelease, installRelease, listReleases } from './install.js';

const out = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-release-'));
function built(root: string, name: string, html: string | null): string {
  const dir = path.join(root, `.build-${name}`);
  fs.mkdirSync(path.join(dir, 'van-ban'), { recursive: true });
  if (html !== null) fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.writeFileSync(path.join(dir, 'van-ban', 'index.html'), `<html>${'văn bản '.repeat(400)}</html>`);
  return dir;
}

test('a release goes live through the current link, precompressed, and only the newest three stay', async () => {
  const root = out();
  const ids: string[] = [];
  for (let i = 1; i <= 5; i += 1) {
    const release = await installRelease(built(root, String(i), `<html>bản ${i}</html>`), root, 'ha-noi', {
      releaseId: `2026112${i}T000000Z-abcdef`,
    });
    ids.push(release.releaseId);
  }
  const site = path.join(root, 'ha-noi');
  expect(fs.readlinkSync(path.join(site, 'current'))).toBe(`releases/${ids[4]}`);
  expect(fs.readFileSync(path.join(site, 'current', 'index.html'), 'utf8')).toBe('<html>bản 5</html>');
  expect(fs.existsSync(path.join(site, 'current', 'van-ban', 'index.html.gz'))).toBe(true);
  expect(fs.existsSync(path.join(site, 'current', 'van-ban', 'index.html.br'))).toBe(true);
  expect(listReleases(site)).toEqual(ids.slice(2));
});

test('a build without a home page is refused and the live release stays', async () => {
  const root = out();
  const good = await installRelease(built(root, 'good', '<html>tốt</html>'), root, 'ha-noi');
  await expect(installRelease(built(root, 'bad', null), root, 'ha-noi')).rejects.toThrow(ReleaseCheckError);
  expect(currentRelease(path.join(root, 'ha-noi'))).toBe(good.releaseId);
  expect(listReleases(path.join(root, 'ha-noi'))).toEqual([good.releaseId]);
});

test('a site in the flat layout becomes a release of its own before the first new one', async () => {
  const root = out();
  fs.mkdirSync(path.join(root, 'ha-noi'));
  fs.writeFileSync(path.join(root, 'ha-noi', 'index.html'), '<html>cũ</html>');
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  fs.utimesSync(path.join(root, 'ha-noi'), lastWeek, lastWeek);
  const release = await installRelease(built(root, 'new', '<html>mới</html>'), root, 'ha-noi');
  const releases = listReleases(path.join(root, 'ha-noi'));
  expect(releases).toHaveLength(2);
  expect(releases[0]).toMatch(/-legacy$/);
  expect(currentRelease(path.join(root, 'ha-noi'))).toBe(release.releaseId);
});
