import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface CmsProcess {
  url: string;
  /** The process id (benchmarks read its CPU time from /proc). */
  pid: number;
  /** What the CMS printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the compiled CMS as its own process (`strapi start`), as production runs it, and waits
 * until /api/health answers. Cross-package suites reach the CMS only over HTTP.
 */
export async function startCmsProcess(options: {
  cmsDir: string;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<CmsProcess> {
  const port = await freePort();
  const bin = path.join(options.cmsDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: options.cmsDir,
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The CMS exited with code ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: child.pid!, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`The CMS did not answer ${url}/api/health in time:\n${output}`);
}
