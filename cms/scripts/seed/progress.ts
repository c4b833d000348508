/** One progress line per step on a terminal (rewritten in place), sparse lines in a log file. */
export function progress(label: string, total: number): { tick: () => void; done: () => void } {
  const started = Date.now();
  const tty = Boolean(process.stdout.isTTY);
  const every = Math.max(1, Math.round(total / 10));
  let count = 0;
  const line = () => `${label}: ${count}/${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  return {
    tick() {
      count += 1;
      if (tty) process.stdout.write(`\r${line()}`);
      else if (count % every === 0 && count < total) console.log(line());
    },
    done() {
      if (tty) process.stdout.write('\r');
      console.log(line());
    },
  };
}
