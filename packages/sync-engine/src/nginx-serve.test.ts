import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { nginxConfig } from './nginx.js';

/**
 * The generated configuration in a real nginx (Debian's, `apt-get install nginx`): it passes
 * `nginx -t`, and the open data is served from its folder on every host — through the `latest`
 * symlink, gzip files as they are (no second encoding), JSON as JSON, readable from any origin.
 */
const NGINX = '/usr/sbin/nginx';
let dir: string;
let port: number;
let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(found));
    });
  });
}

beforeAll(async () => {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-nginx-'));
  // nginx's workers drop to an unprivileged user when started as root: they must read the folder.
  fs.chmodSync(dir, 0o755);
  port = await freePort();
  const root = path.join(dir, 'sites');
  const run = path.join(root, '_open-data', 'runs', '2026-12-10_run');
  fs.mkdirSync(run, { recursive: true });
  fs.writeFileSync(path.join(run, 'manifest.json'), '{"schemaVersion":"1.0"}\n');
  fs.writeFileSync(path.join(run, 'hoi-dap.csv.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
  fs.symlinkSync(path.join('runs', '2026-12-10_run'), path.join(root, '_open-data', '2026-12-10'));
  fs.symlinkSync('2026-12-10', path.join(root, '_open-data', 'latest'));
  const site = nginxConfig(
    [
      { code: 'quoc-gia', basePath: '/', baseUrl: 'https://phobienphapluat.example' },
      { code: 'ha-noi', basePath: '/ha-noi/', baseUrl: null },
    ],
    { root, sharedHost: 'trang.phobienphapluat.example', listen: `127.0.0.1:${port}`, brotli: false },
  );
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${dir}/${name};`)
    .join(' ');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;\nevents {}\n` +
      `http { include /etc/nginx/mime.types; access_log off; ${temp} include ${dir}/site.conf; }\n`,
  );
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGQUIT');
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the generated configuration passes nginx -t', () => {
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  expect({ status: check.status, output: check.stderr.includes('test is successful') }).toEqual({
    status: 0,
    output: true,
  });
});

test('every host serves the open data through the latest link, gzip as it is, from any origin', async () => {
  server = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const get = async (host: string, url: string) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fetch(`http://127.0.0.1:${port}${url}`, { headers: { host } });
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  for (const host of ['phobienphapluat.example', 'trang.phobienphapluat.example']) {
    const manifest = await get(host, '/_open-data/latest/manifest.json');
    expect({ host, status: manifest.status }).toEqual({ host, status: 200 });
    expect(manifest.headers.get('content-type')).toContain('application/json');
    expect(manifest.headers.get('access-control-allow-origin')).toBe('*');
    expect(await manifest.json()).toEqual({ schemaVersion: '1.0' });
  }
  const csv = await get('trang.phobienphapluat.example', '/_open-data/2026-12-10/hoi-dap.csv.gz');
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('application/gzip');
  expect(csv.headers.get('content-encoding')).toBeNull();
  expect(Buffer.from(await csv.arrayBuffer())).toEqual(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
  const listing = await get('trang.phobienphapluat.example', '/_open-data/');
  expect(listing.status).toBe(200);
  expect(await listing.text()).toContain('latest/');
});
