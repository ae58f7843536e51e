// The benchmark's server: static files compressed the way a CDN would (brotli when the browser
// accepts it, else gzip), and the contract answered by the project's own MSW handlers under Node
// (`getResponse` from msw, no service worker), so the page talks real HTTP to both.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { pages } from './pages.mjs';

const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

/**
 * Starts the server on a free port. `dist`: the built bundle's folder (served at /dist/),
 * `floor`: the floor page's build (at /floor/), `mock`: the built mock (dist/mock.js).
 * `tls`: { key, cert } — Chromium advertises brotli only over HTTPS.
 */
export async function startServer({ dist, floor, mock, tls }) {
  const { createHandlers, MockBackendState } = await import(mock);
  const state = new MockBackendState();
  let handlers = []; // made once the port is known: under Node, MSW matches absolute URLs only
  const compressed = new Map(); // path + encoding -> Buffer
  const gzipSizes = new Map(); // url path -> gzip -9 bytes (what `npm run size` counts)
  const counts = { me: 0 };

  async function serveFile(path, req, res) {
    const file = path.startsWith('/dist/') ? join(dist, path.slice(6)) : path.startsWith('/floor/') ? join(floor, path.slice(7)) : undefined;
    if (!file) return res.writeHead(404).end();
    const body = await readFile(file).catch(() => undefined);
    if (!body) return res.writeHead(404).end();
    if (!gzipSizes.has(path)) gzipSizes.set(path, gzipSync(body, { level: 9 }).length);
    const encoding = /\bbr\b/.test(req.headers['accept-encoding'] ?? '') ? 'br' : 'gzip';
    const key = `${encoding} ${file}`;
    if (!compressed.has(key)) {
      compressed.set(key, encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }));
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-encoding': encoding, 'cache-control': 'no-cache' })
      .end(compressed.get(key));
  }

  async function serveApi(req, res, url) {
    if (url.pathname === '/api/me') counts.me++;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).filter(([, v]) => typeof v === 'string'),
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : Buffer.concat(chunks),
    });
    const response = (await getResponse(handlers, request)) ?? Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  }

  const server = createServer(tls, (req, res) => {
    const url = new URL(req.url, `https://${req.headers.host}`);
    const path = normalize(decodeURIComponent(url.pathname));
    const name = path.match(/^\/(\w+)\.html$/)?.[1];
    const done = name && pages[name]
      ? Promise.resolve(res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' }).end(pages[name]))
      : path.startsWith('/api/') ? serveApi(req, res, url) : serveFile(path, req, res);
    done.catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `https://127.0.0.1:${server.address().port}`;
  handlers = createHandlers(state, { apiBase: `${origin}/api` });
  return {
    origin,
    gzipSizes,
    counts,
    state,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
