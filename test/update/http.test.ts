/**
 * The download layer on its own, against loopback servers: the size cap, which failures are retried,
 * credentials in URLs, and the bounds on retries and timeouts.
 */
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DownloadError, httpGet, MAX_RETRY_DELAY_MS, retryDelay } from '../../src/database/update/http.js';
import { checkHttpOptions } from '../../src/database/update/option-ranges.js';
import { parseSourceUrl } from '../../src/database/update/url.js';
import { UserError } from '../../src/util/errors.js';
import { startServer, type TestServer } from './server.js';

const fast = { timeoutMs: 2000, retryDelayMs: 1 };

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DownloadError, String(e));
    return e;
  }
  assert.fail('expected a DownloadError');
}

describe('httpGet against a loopback server', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.close());
  beforeEach(() => {
    server.faults.clear();
    server.files.clear();
    server.log.length = 0;
  });
  const requests = (path: string) => server.log.filter((l) => l.path === path).length;

  test('an endless body is cut off at the size cap, without waiting for the timeout', async () => {
    server.faults.set('big.html', { kind: 'endless' });
    const started = Date.now();
    const e = await failure(
      httpGet(`${server.baseUrl}big.html`, undefined, {
        ...fast,
        timeoutMs: 60_000,
        retries: 2,
        maxDocumentBytes: 1024 * 1024,
      }),
    );
    assert.equal(e.reason, 'larger than 1.0 MiB, the limit for one document');
    assert.equal(requests('big.html'), 1, 'a document too large is not asked for again');
    assert.ok(Date.now() - started < 30_000);
  });

  test('a document under the cap arrives whole', async () => {
    const body = `<html>${'x'.repeat(200_000)}</html>`;
    server.files.set('page.html', body);
    const got = await httpGet(`${server.baseUrl}page.html`, undefined, {
      ...fast,
      maxDocumentBytes: body.length,
    });
    assert.equal(got.status, 'ok');
    assert.equal(got.status === 'ok' && got.body, body);
  });

  test('a 404 fails at once; 408, 429 and 5xx are retried', async () => {
    const e = await failure(httpGet(`${server.baseUrl}missing.html`, undefined, { ...fast, retries: 3 }));
    assert.equal(e.reason, 'HTTP 404');
    assert.equal(requests('missing.html'), 1);
    for (const status of [408, 429, 503]) {
      server.faults.set(`s${status}.html`, { kind: 'status', status });
      const r = await failure(
        httpGet(`${server.baseUrl}s${status}.html`, undefined, { ...fast, retries: 2 }),
      );
      assert.equal(r.reason, `HTTP ${status} (after 3 attempts)`);
      assert.equal(requests(`s${status}.html`), 3);
    }
  });

  test('a URL fetch cannot use fails at once, with no attempts counted', async () => {
    // Port 9 is one fetch refuses to connect to; the others are refused before any request.
    for (const url of [
      'http://127.0.0.1:9/x.html',
      'ftp://127.0.0.1/x.html',
      'file:///etc/hostname',
      'not a url',
    ]) {
      const e = await failure(httpGet(url, undefined, { ...fast, retries: 3 }));
      assert.doesNotMatch(e.reason, /attempts/, url);
    }
  });

  test('credentials in a URL become an Authorization header and never appear in a message', async () => {
    server.files.set('page.html', '<html>ok</html>');
    const got = await httpGet(`http://user:s3cr3t@${server.baseUrl.slice(7)}page.html`, undefined, fast);
    assert.equal(got.status, 'ok');
    const sent = server.log.at(-1)?.authorization;
    assert.equal(sent, `Basic ${Buffer.from('user:s3cr3t').toString('base64')}`);
    const e = await failure(
      httpGet(`http://user:s3cr3t@${server.baseUrl.slice(7)}missing.html`, undefined, fast),
    );
    assert.doesNotMatch(`${e.message} ${e.url} ${e.reason}`, /s3cr3t|user:/);
  });

  test("a source's credentials go to its own origin only", async () => {
    const other = await startServer();
    try {
      other.files.set('doc.json', '{}');
      server.files.set('doc.json', '{}');
      const { href, auth } = parseSourceUrl(`http://u:pw@${server.baseUrl.slice(7)}`, '--base-url');
      assert.equal(href, server.baseUrl);
      await httpGet(`${server.baseUrl}doc.json`, undefined, { ...fast, ...(auth ? { auth } : {}) });
      await httpGet(`${other.baseUrl}doc.json`, undefined, { ...fast, ...(auth ? { auth } : {}) });
      assert.ok(server.log.at(-1)?.authorization);
      assert.equal(other.log.at(-1)?.authorization, undefined);
    } finally {
      await other.close();
    }
  });
});

test('backoff doubles from its base and never exceeds the cap, whatever the attempt', () => {
  const none = () => 0;
  assert.equal(retryDelay(1, 500, none), 500);
  assert.equal(retryDelay(3, 500, none), 2000);
  for (const attempt of [20, 1000, 1_000_000]) {
    assert.equal(
      retryDelay(attempt, 500, () => 1),
      MAX_RETRY_DELAY_MS,
    );
  }
});

test('numeric options out of range are refused with their range; those within pass', () => {
  const refused = (o: Parameters<typeof checkHttpOptions>[0], pattern: RegExp) =>
    assert.throws(
      () => checkHttpOptions(o),
      (e: unknown) => e instanceof UserError && pattern.test(e.message),
    );
  refused({ timeoutMs: 1e15 }, /^timeoutMs must be a whole number from 1 to 600000, got 1000000000000000$/);
  refused({ retries: 1_000_000 }, /^retries must be a whole number from 0 to 10/);
  refused({ retries: 1.5 }, /^retries must be a whole number/);
  refused({ concurrency: 0 }, /^concurrency must be a whole number from 1 to 64/);
  refused({ retryDelayMs: -1 }, /^retryDelayMs/);
  checkHttpOptions({ timeoutMs: 600_000, retries: 10, concurrency: 64, retryDelayMs: 0 });
  checkHttpOptions({});
});

test('source URLs: not a URL, not http(s), credentials hidden in the message', () => {
  const msg = (value: string) => {
    try {
      parseSourceUrl(value, '--base-url');
    } catch (e) {
      assert.ok(e instanceof UserError);
      return e.message;
    }
    return 'accepted';
  };
  assert.equal(msg('not a url'), "--base-url: 'not a url' is not a URL");
  assert.equal(msg('http://[::1'), "--base-url: 'http://[::1' is not a URL");
  assert.equal(msg('ftp://u:pw@host/'), "--base-url: 'ftp://***@host/' is not an http:// or https:// URL");
  assert.equal(msg('http://u:p@w@[::1'), "--base-url: 'http://***@[::1' is not a URL");
  assert.equal(msg('https://mirror.example/ref/'), 'accepted');
  assert.deepEqual(parseSourceUrl('https://a%40b:p%3Aw@mirror.example/ref/', 'x'), {
    href: 'https://mirror.example/ref/',
    auth: {
      origin: 'https://mirror.example',
      header: `Basic ${Buffer.from('a@b:p:w').toString('base64')}`,
    },
  });
});
