import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { Registry } from 'prom-client';

/**
 * The process's one HTTP server: health, readiness and metrics for operators, and Slack's
 * `POST /slack/events` handed to Bolt's receiver when this process receives over HTTP.
 */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, boolean>;
}

export interface HttpServerOptions {
  logger: Logger;
  /** Bolt's HTTP request listener; absent in Socket Mode and for worker-only processes. */
  slackListener?: RequestListener;
  readiness: () => Promise<ReadinessReport>;
  metrics: { registry: Registry; refresh: () => Promise<void> };
  /** Extra routes mounted before Slack's (e.g. a sandbox page); return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/** Bolt's paths: events, commands and clicks; in multi-workspace mode also the install pages (GET). */
const SLACK_PATHS = new Set(['/slack/events', '/slack/install', '/slack/oauth_redirect']);

export function createHttpServer({ logger, slackListener, readiness, metrics, extraRoutes }: HttpServerOptions): Server {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // While draining, every answer closes its connection, so keep-alive clients let go.
    if (!server.listening) res.setHeader('connection', 'close');
    try {
      if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && path === '/readyz') {
        const report = await readiness();
        return sendJson(res, report.ready ? 200 : 503, report);
      }
      if (req.method === 'GET' && path === '/metrics') {
        await metrics.refresh().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'queue figures unavailable'));
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
        return;
      }
      if (extraRoutes && (await extraRoutes(req, res))) return;
      // Awaited, so a listener that rejects is caught below like one that throws.
      if (slackListener && SLACK_PATHS.has(path)) return await slackListener(req, res);
      sendJson(res, 404, { error: 'not_found' });
    } catch (error) {
      logger.error({ err: { message: (error as Error).message }, path }, 'HTTP handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
    }
  });
  // Slack holds connections open; keep them shorter than a typical load balancer's idle timeout.
  server.keepAliveTimeout = 65_000;
  return server;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Listens on `port` of `host` (every interface when omitted). Resolves with the port taken. */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** How long requests in flight get to finish before their connections are cut. */
const REQUEST_GRACE_MS = 5000;

/**
 * Stops taking connections and waits for requests in flight. Idle keep-alive sockets are closed at
 * once and busy ones answer with `Connection: close`; any still open after a grace period are cut,
 * so a client holding a connection cannot stretch the drain.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const cutOff = setTimeout(() => server.closeAllConnections(), REQUEST_GRACE_MS);
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}
