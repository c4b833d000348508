/**
 * Peak memory of a process tree, sampled from /proc (Linux): every `intervalMs`, the resident set
 * (RSS) of the root process and of all its descendants is summed — minus the subtrees of
 * `exclude` (e.g. the CMS a bench started, which is not part of a build). The generator runs each
 * Astro batch and Pagefind as child processes, so this sees them; /usr/bin/time -v would only see
 * one process's maximum. A child that lives shorter than one interval can be missed.
 */
import fs from 'node:fs';

const PAGE_BYTES = 4096;

export interface MemorySample {
  /** Sum of the tree's RSS at the sample with the largest sum. */
  peakTreeBytes: number;
  /** The largest single process's RSS seen (any sample). */
  peakProcessBytes: number;
  /** Processes counted at the peak. */
  peakProcesses: number;
  samples: number;
}

export interface MemorySampler {
  /** Figures so far (the sampler keeps running). */
  read(): MemorySample;
  stop(): MemorySample;
}

/** Parent pid of every process, read from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: parse after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function rssBytes(pid: number): number {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** The root and its descendants, leaving out the excluded pids and everything below them. */
export function treePids(root: number, exclude: ReadonlySet<number>, parentOf = parents()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (exclude.has(pid)) continue;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Total RSS of one process and its descendants now (e.g. the CMS). */
export function treeRssBytes(root: number): number {
  return treePids(root, new Set()).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export function startMemorySampler(options: {
  root?: number;
  /** Read at each sample: pids whose subtrees are not counted. */
  exclude?: () => readonly number[];
  intervalMs?: number;
}): MemorySampler {
  const root = options.root ?? process.pid;
  const figures: MemorySample = { peakTreeBytes: 0, peakProcessBytes: 0, peakProcesses: 0, samples: 0 };
  const sample = () => {
    const pids = treePids(root, new Set(options.exclude?.() ?? []));
    let sum = 0;
    for (const pid of pids) {
      const rss = rssBytes(pid);
      sum += rss;
      figures.peakProcessBytes = Math.max(figures.peakProcessBytes, rss);
    }
    if (sum > figures.peakTreeBytes) {
      figures.peakTreeBytes = sum;
      figures.peakProcesses = pids.length;
    }
    figures.samples += 1;
  };
  sample();
  const timer = setInterval(sample, options.intervalMs ?? 250);
  timer.unref();
  return {
    read: () => ({ ...figures }),
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...figures };
    },
  };
}
