/**
 * Measuring one generator run for `pnpm bench:generators`: the command runs as a child process
 * (under GNU time when /usr/bin/time exists, for the CPU time of the child and everything it
 * started), its process tree's resident memory is summed every 100 ms from /proc (the benches'
 * process-memory.ts), and the load average is read before and after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { startMemorySampler } from './process-memory.ts';

export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}

export interface Measured {
  wallMs: number;
  /** User + system CPU of the child and its descendants; null without /usr/bin/time. */
  cpuMs: number | null;
  /** Largest sum of the tree's resident memory seen (sampled every 100 ms), MB. */
  peakRssMb: number;
  /** 1-minute load average before and after. */
  loadBefore: number;
  loadAfter: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs the command to completion; throws with the end of its output when it fails. */
export async function measure(cmd: Command, logFile: string): Promise<Measured> {
  const timeFile = `${logFile}.time`;
  const timed = fs.existsSync(GNU_TIME);
  const [command, args] = timed
    ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, cmd.command, ...cmd.args]]
    : [cmd.command, cmd.args];
  const out = fs.openSync(logFile, 'a');
  const loadBefore = os.loadavg()[0]!;
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: cmd.cwd,
    env: { ...process.env, ...cmd.env },
    stdio: ['ignore', out, out],
  });
  const memory = child.pid ? startMemorySampler({ root: child.pid, intervalMs: 100 }) : null;
  const code: number | null = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exit) => resolve(exit));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peak = memory?.stop().peakTreeBytes ?? 0;
  fs.closeSync(out);
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(
      `${path.basename(cmd.command)} ${cmd.args.slice(0, 3).join(' ')} … exited with ${code}:\n${tail}`,
    );
  }
  let cpuMs: number | null = null;
  if (timed) {
    const [, user, system] = fs
      .readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ')
      .map(Number);
    cpuMs = Math.round(((user ?? 0) + (system ?? 0)) * 1000);
  }
  return {
    wallMs: Math.round(wallMs),
    cpuMs,
    peakRssMb: Math.round(peak / 1e6),
    loadBefore,
    loadAfter: os.loadavg()[0]!,
  };
}

/**
 * HTML pages under a folder, without Hugo's redirect stubs (a paginated list's first page is also
 * written at …/trang/1/ as a meta-refresh to the list).
 */
export function countPages(dir: string): { pages: number; redirects: number; bytes: number } {
  let pages = 0;
  let redirects = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const size = fs.statSync(file).size;
        if (size < 1024 && fs.readFileSync(file, 'utf8').includes('http-equiv="refresh"')) redirects += 1;
        else {
          pages += 1;
          bytes += size;
        }
      }
    }
  };
  walk(dir);
  return { pages, redirects, bytes };
}

/** What `uptime` prints (load averages over 1, 5 and 15 minutes); the same from Node without it. */
export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    const [one, five, fifteen] = os.loadavg().map((l) => l.toFixed(2));
    return `${new Date().toISOString().slice(11, 19)} load average: ${one}, ${five}, ${fifteen}`;
  }
}
