import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Activity } from './activity';
import type { ButtonPlace } from './visitor';

/**
 * The sandbox page's HTTP side: the page and its assets (from `public/`, no build step, nothing
 * external), a small JSON API for what the visitor does, and a server-sent event stream that tells
 * the page when to fetch a fresh snapshot. Only HTTP plumbing and input validation live here;
 * `index.ts` supplies what each route does.
 */
/**
 * Every request may name the workspace it acts in (`workspace`, a team id: the `workspace` query
 * parameter of `/api/state`, a field of a JSON body); absent, it is the sandbox's first workspace.
 */
export interface InWorkspace {
  workspace?: string;
}

export interface SandboxRoutes {
  /** `viewer` absent or unknown: the workspace's first viewer. */
  snapshot(viewer: string | undefined, workspace: string | undefined): unknown;
  post(input: InWorkspace & { viewer: string; channel: string; threadTs?: string; text: string }): Promise<unknown>;
  command(input: InWorkspace & { viewer: string; channel: string; text: string }): Promise<unknown>;
  /** `option`: the value chosen in a menu (`static_select`) rather than a button pressed. */
  click(input: InWorkspace & { viewer: string; actionId: string; blockId?: string; option?: string; on: ButtonPlace }): Promise<unknown>;
  openHome(input: InWorkspace & { viewer: string }): Promise<unknown>;
  runDigest(input: InWorkspace & { viewer: string }): Promise<unknown>;
  addPerson(input: InWorkspace & { name: string; title: string; tz: string }): Promise<unknown>;
  updatePerson(id: string, changes: InWorkspace & { name?: string; title?: string; tz?: string }): Promise<unknown>;
  everyoneToMidday(input: InWorkspace): Promise<unknown>;
  /** True for errors that are the visitor's doing (answered 400 with the message). */
  isUserError(error: unknown): boolean;
}

const PUBLIC_DIR = join(__dirname, 'public');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
// Nothing but this origin: the page must work offline and must not load anything from elsewhere.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const MAX_BODY_BYTES = 64 * 1024;
/** The page hears about changes at most this often (the bot makes several calls per click). */
const STREAM_THROTTLE_MS = 80;
const STREAM_HEARTBEAT_MS = 15000;

const id = z.string().regex(/^[A-Z0-9_]+$/, 'must be a Slack id');
const ts = z.string().regex(/^\d+\.\d+$/, 'must be a Slack timestamp');
const workspace = id.optional();
const schemas = {
  post: z.object({ workspace, viewer: id, channel: id, threadTs: ts.optional(), text: z.string().min(1).max(4000) }),
  command: z.object({ workspace, viewer: id, channel: id, text: z.string().min(1).max(4000) }),
  click: z.object({
    workspace,
    viewer: id,
    actionId: z.string().min(1).max(255),
    blockId: z.string().max(255).optional(),
    option: z.string().min(1).max(150).optional(),
    on: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), channel: id, ts }),
      z.object({ kind: z.literal('ephemeral'), id: z.string().min(1).max(40) }),
      z.object({ kind: z.literal('home') }),
    ]),
  }),
  viewer: z.object({ workspace, viewer: id }),
  addPerson: z.object({ workspace, name: z.string().max(200), title: z.string().max(200), tz: z.string().max(100) }),
  updatePerson: z.object({ workspace, name: z.string().max(200).optional(), title: z.string().max(200).optional(), tz: z.string().max(100).optional() }),
  inWorkspace: z.object({ workspace }),
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createSandboxServer(routes: SandboxRoutes, activity: Activity, logger: Logger): Server {
  const assets = loadAssets();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (!isLocalHost(req.headers.host)) throw new HttpError(403, 'the sandbox answers only on localhost');

    if (req.method === 'GET') {
      if (path === '/' || path === '/index.html') return sendAsset(res, assets, 'index.html');
      if (path === '/favicon.ico') return sendAsset(res, assets, 'favicon.svg');
      if (path.startsWith('/assets/')) return sendAsset(res, assets, path.slice('/assets/'.length));
      if (path === '/api/state') {
        const query = (name: string) => id.optional().parse(url.searchParams.get(name) ?? undefined);
        return sendJson(res, 200, routes.snapshot(query('viewer'), query('workspace')));
      }
      if (path === '/api/stream') return stream(req, res, activity);
      throw new HttpError(404, 'not found');
    }
    // JSON only: a plain HTML form on another site cannot post here.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send JSON');
    const body = await readJson(req);
    if (req.method === 'POST') {
      switch (path) {
        case '/api/messages':
          return sendJson(res, 200, await routes.post(schemas.post.parse(body)));
        case '/api/commands':
          return sendJson(res, 200, await routes.command(schemas.command.parse(body)));
        case '/api/actions':
          return sendJson(res, 200, await routes.click(schemas.click.parse(body)));
        case '/api/home':
          return sendJson(res, 200, await routes.openHome(schemas.viewer.parse(body)));
        case '/api/digest':
          return sendJson(res, 200, await routes.runDigest(schemas.viewer.parse(body)));
        case '/api/people':
          return sendJson(res, 200, await routes.addPerson(schemas.addPerson.parse(body)));
        case '/api/people/midday':
          return sendJson(res, 200, await routes.everyoneToMidday(schemas.inWorkspace.parse(body)));
      }
    }
    const person = /^\/api\/people\/([A-Z0-9_]+)$/.exec(path);
    if (req.method === 'PATCH' && person) return sendJson(res, 200, await routes.updatePerson(person[1], schemas.updatePerson.parse(body)));
    throw new HttpError(404, 'not found');
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      if (error instanceof z.ZodError) return sendJson(res, 400, { error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
      if (routes.isUserError(error)) return sendJson(res, 400, { error: (error as Error).message });
      logger.error({ err: { message: (error as Error).message }, path: req.url }, 'sandbox request failed');
      sendJson(res, 500, { error: 'the sandbox failed to do that; see its log' });
    });
  });
}

/** Tells the page the activity version each time it moves (throttled), plus a heartbeat. */
function stream(req: IncomingMessage, res: ServerResponse, activity: Activity): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  const write = () => res.write(`event: version\ndata: ${activity.version}\n\n`);
  res.write('retry: 1000\n\n');
  write();
  let timer: NodeJS.Timeout | undefined;
  const unsubscribe = activity.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      write();
    }, STREAM_THROTTLE_MS);
  });
  const heartbeat = setInterval(() => res.write(': still here\n\n'), STREAM_HEARTBEAT_MS);
  req.on('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
  });
}

interface Asset {
  body: Buffer;
  type: string;
}

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  let names: string[];
  try {
    names = readdirSync(PUBLIC_DIR);
  } catch {
    throw new Error(`the sandbox page is missing: no ${PUBLIC_DIR} (a build must copy src/sandbox/public next to the compiled sandbox)`);
  }
  for (const name of names) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) assets.set(name, { body: readFileSync(join(PUBLIC_DIR, name)), type });
  }
  return assets;
}

function sendAsset(res: ServerResponse, assets: Map<string, Asset>, name: string): void {
  const asset = assets.get(name);
  if (!asset) throw new HttpError(404, 'not found');
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': asset.type, 'content-length': asset.body.length, 'cache-control': 'no-cache' });
  res.end(asset.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'not JSON');
  }
}

/**
 * Another website open in the same browser could reach a loopback server through DNS rebinding;
 * a Host check keeps it to pages that name this machine.
 */
function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}
