/**
 * A small HTTP server on 127.0.0.1 (random port) for update tests: serves files from a folder or from memory,
 * with ETag / Last-Modified validators answered by 304, and per-path faults.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

export type Fault =
  | { kind: 'status'; status: number; times?: number }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'body'; body: string }
  | { kind: 'destroy' }
  /** A 200 whose chunked body never ends (a runaway server or proxy). */
  | { kind: 'endless' }
  /** The whole server goes away: this request and every later one fail. */
  | { kind: 'die' };

export interface TestServer {
  baseUrl: string;
  /** Requests seen, by path (without the leading slash), their statuses and Authorization headers. */
  log: { path: string; status: number; authorization?: string }[];
  faults: Map<string, Fault>;
  /** false: ignore If-None-Match, as some mirrors do (always 200). Default true. */
  conditional: boolean;
  /** In-memory files, consulted before the folder. */
  files: Map<string, string>;
  close(): Promise<void>;
  /** Service pages answered with 200 since the last reset. */
  downloads(): string[];
  reset(): void;
}

const LAST_MODIFIED = 'Sun, 14 Jun 2026 00:00:00 GMT';

export async function startServer(dir?: string): Promise<TestServer> {
  const log: TestServer['log'] = [];
  const faults = new Map<string, Fault>();
  const files = new Map<string, string>();
  const sockets = new Set<Socket>();
  const etags = new Map<string, string>();
  const send = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const auth = req.headers.authorization;
    const record = (status: number) => log.push({ path, status, ...(auth ? { authorization: auth } : {}) });
    const fault = faults.get(path);
    if (fault?.kind === 'status') {
      if (fault.times === undefined || fault.times > 0) {
        if (fault.times !== undefined) fault.times--;
        record(fault.status);
        res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('fault');
        return;
      }
    }
    if (fault?.kind === 'hang') return void record(0);
    if (fault?.kind === 'die') {
      record(0);
      server.close();
      for (const s of sockets) s.destroy();
      return;
    }
    if (fault?.kind === 'endless') {
      record(200);
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (fault?.kind === 'destroy') {
      record(0);
      return void req.socket.destroy();
    }
    let body = files.get(path);
    if (body === undefined && dir && /^[\w.-]+$/.test(path) && existsSync(join(dir, path))) {
      body = readFileSync(join(dir, path), 'utf8');
    }
    if (fault?.kind === 'body') body = fault.body;
    if (body === undefined) {
      record(404);
      return void res.writeHead(404).end('not found');
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    etags.set(path, etag);
    if (api.conditional && req.headers['if-none-match'] === etag) {
      record(304);
      return void res.writeHead(304, { etag }).end();
    }
    const bytes = Buffer.from(body);
    if (fault?.kind === 'truncate') {
      // Promise the whole page, send half, then drop the connection.
      record(200);
      res.writeHead(200, { 'content-length': bytes.length, etag, 'last-modified': LAST_MODIFIED });
      res.write(bytes.subarray(0, bytes.length >> 1));
      setTimeout(() => req.socket.destroy(), 5);
      return;
    }
    record(200);
    res.writeHead(200, { 'content-type': 'text/html', etag, 'last-modified': LAST_MODIFIED }).end(bytes);
  };
  const server = createServer((req, res) =>
    send(req, res, decodeURIComponent((req.url ?? '/').replace(/^\/+/, '').split('?')[0] ?? '')),
  );
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  let mark = 0;
  const api: TestServer = {
    conditional: true,
    baseUrl: `http://127.0.0.1:${port}/`,
    log,
    faults,
    files,
    downloads: () =>
      log
        .slice(mark)
        .filter((l) => l.status === 200 && l.path.startsWith('list_'))
        .map((l) => l.path),
    reset: () => void (mark = log.length),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  return api;
}
