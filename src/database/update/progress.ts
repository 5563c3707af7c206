/**
 * Download progress on stderr: a bar redrawn in place on a terminal, and otherwise (CI logs) a plain line
 * every 10% so that a log shows the update advancing without thousands of lines.
 */

export interface Progress {
  start(label: string, total: number): void;
  tick(detail?: string): void;
  done(summary: string): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {} };

export function streamProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  let label = '';
  let total = 0;
  let count = 0;
  let lastStep = -1;
  return {
    start(l, t) {
      label = l;
      total = t;
      count = 0;
      lastStep = -1;
      if (!tty) stream.write(`${label}: ${total} to fetch\n`);
    },
    tick() {
      count++;
      if (tty) {
        const width = 30;
        const filled = total ? Math.round((count / total) * width) : width;
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
        return;
      }
      const step = total ? Math.floor((count / total) * 10) : 10;
      if (step > lastStep && step > 0) {
        lastStep = step;
        stream.write(`${label}: ${count}/${total}\n`);
      }
    },
    done(summary) {
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary}\n`);
    },
  };
}
