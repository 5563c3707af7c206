import { test } from 'node:test';
import assert from 'node:assert/strict';
import { streamProgress } from '../../src/database/update/progress.js';
import { mapLimit } from '../../src/database/update/http.js';
import { linkedServicePages } from '../../src/database/update/index-page.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream };
}

test('progress without a terminal: a start line, a line per 10%, a summary', () => {
  const { chunks, stream } = fakeStream(false);
  const p = streamProgress(stream);
  p.start('fetching', 40);
  for (let i = 0; i < 40; i++) p.tick();
  p.done('40 downloaded');
  assert.equal(chunks.length, 1 + 10 + 1);
  assert.equal(chunks[0], 'fetching: 40 to fetch\n');
  assert.equal(chunks[1], 'fetching: 4/40\n');
  assert.equal(chunks.at(-1), 'fetching: 40 downloaded\n');
  assert.ok(chunks.every((c) => !c.includes('\r')));
});

test('progress on a terminal redraws one line', () => {
  const { chunks, stream } = fakeStream(true);
  const p = streamProgress(stream);
  p.start('fetching', 2);
  p.tick();
  p.tick();
  p.done('ok');
  assert.ok(chunks.slice(0, -1).every((c) => c.startsWith('\r') && !c.includes('\n')));
  assert.match(chunks[1] ?? '', /\[#+\] 2\/2$/);
});

test('mapLimit keeps order and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n));
    running--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
  assert.equal(peak, 2);
});

test('the index page yields each service page under the base URL once, names only', () => {
  const html = `
    <a href="./list_a.html">A</a> <a href='list_b.html#x'>B</a> <a href="./list_a.html">A again</a>
    <a href="https://docs.example/ref/list_e.html">absolute, same place</a>
    <a href="https://evil.example/ref/list_c.html">other host</a> <a href="../list_d.html">up</a>
    <a href="sub/list_f.html">deeper</a> <a href="reference.html">r</a>`;
  assert.deepEqual(linkedServicePages(html, 'https://docs.example/ref'), [
    'list_a.html',
    'list_b.html',
    'list_e.html',
  ]);
});
