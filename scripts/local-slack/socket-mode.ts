import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * The Socket Mode side of the local Slack: `apps.connections.open` hands out single-use tickets for
 * `ws://…/link/?ticket=…`, and this server accepts WebSocket upgrades on the same HTTP server,
 * greets each connection with `hello`, pushes envelopes and matches the client's acks by
 * `envelope_id`, as Slack's Socket Mode gateway does.
 *
 * @slack/socket-mode 3.x (undici WebSocket) pings every `clientPingTimeout / 3` ms and disconnects
 * after more than three pings without a pong: `ws` answers pings by itself, so that just works.
 * It only watches for *server* pings after receiving one, so this server sends none.
 */

export type SocketEnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketEnvelopeOptions {
  /** `retry_attempt` in the envelope (Bolt: `context.retryNum`). Default 0. */
  retryAttempt?: number;
  /** `retry_reason` in the envelope (Bolt: `context.retryReason`). Default `''`. */
  retryReason?: string;
  /** How long to wait for the client's ack. Default 5000 ms. */
  timeoutMs?: number;
  /** Default: true for slash commands and interactivity, false for events, as Slack sends them. */
  acceptsResponsePayload?: boolean;
}

/** What the client sent back: `{ envelope_id, payload? }` (Bolt's `ack(body)` puts `body` in `payload`). */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/** Why Slack asks a client to reconnect: `warning` (soon), `refresh_requested` (now), `link_disabled`. */
export type SocketDisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

interface PendingAck {
  resolve(ack: SocketAck): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class SocketModeGateway {
  private readonly wss = new WebSocketServer({ noServer: true, clientTracking: false });
  private readonly tickets = new Set<string>();
  private readonly open = new Set<WebSocket>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly countWatchers = new Set<() => void>();
  private nextSocket = 0;
  private connectionsEver = 0;

  constructor(private readonly options: { appId: string; origin: () => string }) {}

  /** Mints a single-use WebSocket URL, as `apps.connections.open` does. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    const wsOrigin = this.options.origin().replace(/^http/, 'ws');
    return `${wsOrigin}/link/?ticket=${ticket}&app_id=${this.options.appId}`;
  }

  /** For the HTTP server's `upgrade` event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  connections(): number {
    return this.open.size;
  }

  /** Resolves once at least `count` connections are open (default 1). */
  waitForConnections(count = 1, timeoutMs = 5000): Promise<void> {
    return this.waitForCount((n) => n >= count, `${count} Socket Mode connection(s)`, timeoutMs);
  }

  /** Resolves once every connection has closed (e.g. after `app.stop()`). */
  waitForNoConnections(timeoutMs = 5000): Promise<void> {
    return this.waitForCount((n) => n === 0, 'all Socket Mode connections to close', timeoutMs);
  }

  send(type: SocketEnvelopeType, payload: object, opts: SocketEnvelopeOptions = {}): Promise<SocketAck> {
    const sockets = [...this.open];
    if (sockets.length === 0) {
      return Promise.reject(new Error(`cannot send a ${type} envelope: no Socket Mode connection is open`));
    }
    // Slack spreads envelopes over a client's connections; round-robin is close enough.
    const ws = sockets[this.nextSocket++ % sockets.length];
    const envelopeId = randomUUID();
    const timeoutMs = opts.timeoutMs ?? 5000;
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
      retry_attempt: opts.retryAttempt ?? 0,
      retry_reason: opts.retryReason ?? '',
    };
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs}ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
      ws.send(JSON.stringify(envelope), (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending.delete(envelopeId);
        reject(new Error(`could not send ${type} envelope ${envelopeId}: ${error.message}`));
      });
    });
  }

  /** Sends Slack's `disconnect` message; the client closes and reconnects through `apps.connections.open`. */
  sendDisconnect(reason: SocketDisconnectReason = 'refresh_requested'): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-local' } });
    for (const ws of this.open) ws.send(message);
  }

  /** Drops every connection without a close handshake (as a network failure would). */
  terminateConnections(): void {
    for (const ws of this.open) ws.terminate();
  }

  async close(): Promise<void> {
    for (const ws of this.open) ws.terminate();
    this.open.clear();
    this.tickets.clear();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`local Slack closed before envelope ${id} was acknowledged`));
    }
    this.pending.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.open.add(ws);
    this.connectionsEver += 1;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: { envelope_id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (typeof message.envelope_id !== 'string') return;
      const pending = this.pending.get(message.envelope_id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(message.envelope_id);
      pending.resolve({ envelope_id: message.envelope_id, payload: message.payload });
    });
    ws.on('close', () => {
      this.open.delete(ws);
      this.notifyCount();
    });
    ws.on('error', () => {
      // A client that vanished mid-frame; 'close' follows and does the bookkeeping.
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.open.size,
        debug_info: { host: 'applink-local', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.options.appId },
      }),
    );
    this.notifyCount();
  }

  private notifyCount(): void {
    for (const watcher of [...this.countWatchers]) watcher();
  }

  private waitForCount(done: (count: number) => boolean, what: string, timeoutMs: number): Promise<void> {
    if (done(this.open.size)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const watcher = (): void => {
        if (!done(this.open.size)) return;
        clearTimeout(timer);
        this.countWatchers.delete(watcher);
        resolve();
      };
      const timer = setTimeout(() => {
        this.countWatchers.delete(watcher);
        reject(
          new Error(
            `timed out after ${timeoutMs}ms waiting for ${what} (open now: ${this.open.size}, accepted so far: ${this.connectionsEver})`,
          ),
        );
      }, timeoutMs);
      this.countWatchers.add(watcher);
    });
  }
}
