/**
 * A local HTTP server for the feed tests: answers each path as told (a body, a status, a delay, ETag handling, Range
 * requests) and records every request, so a test can say what was fetched, and that nothing was.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  body: string | Uint8Array;
  status?: number;
  type?: string;
  etag?: string;
  /** Milliseconds before the answer starts. */
  delayMs?: number;
  /** Where a 302 sends the request instead. */
  redirect?: string;
}

export interface Served {
  url(path: string): string;
  origin: string;
  routes: Map<string, Route>;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function serveFeeds(): Promise<Served> {
  const routes = new Map<string, Route>();
  const requests: Served['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path.split('#')[0]!) ?? routes.get(path.split('?')[0]!);
    if (!route) {
      res.writeHead(404).end('not here');
      return;
    }
    const answer = () => {
      if (route.redirect) {
        res.writeHead(302, { location: route.redirect }).end();
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      const body = typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body);
      const headers: Record<string, string | number> = { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8', 'accept-ranges': 'bytes', 'access-control-allow-origin': '*' };
      if (route.etag) headers.etag = route.etag;
      const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      if (range && (route.status ?? 200) === 200) {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
        res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}`, 'content-length': end - start + 1 }).end(body.subarray(start, end + 1));
        return;
      }
      res.writeHead(route.status ?? 200, { ...headers, 'content-length': body.length }).end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
