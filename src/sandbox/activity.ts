/**
 * What the page needs to stay live: a version number that moves whenever anything it shows may
 * have changed (the page listens over server-sent events and fetches a fresh snapshot), and the
 * log of requests the sandbox sent to the bot, shown beside the Web API calls the bot made.
 */
export interface InboundRequest {
  seq: number;
  at: number;
  /** `event`, `command` or `action`. */
  kind: 'event' | 'command' | 'action';
  /** e.g. `message in #planning`, `/lane check …`, `nudge_handoff`. */
  summary: string;
  /** Who the request says did it. */
  user?: string;
  /** The bot's HTTP answer (0 when no answer came). */
  status: number;
  elapsedMs: number;
  /** The signed body as sent, for the developer's eye. */
  body: unknown;
}

const KEEP_INBOUND = 200;

export class Activity {
  private versionNumber = 0;
  private readonly listeners = new Set<(version: number) => void>();
  private readonly inboundLog: InboundRequest[] = [];
  private nextSeq = 1;

  get version(): number {
    return this.versionNumber;
  }

  /** Something the page shows changed. */
  bump(): void {
    this.versionNumber += 1;
    for (const listener of this.listeners) listener(this.versionNumber);
  }

  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recordInbound(entry: Omit<InboundRequest, 'seq'>): InboundRequest {
    const recorded = { ...entry, seq: this.nextSeq++ };
    this.inboundLog.push(recorded);
    if (this.inboundLog.length > KEEP_INBOUND) this.inboundLog.splice(0, this.inboundLog.length - KEEP_INBOUND);
    this.bump();
    return recorded;
  }

  inbound(): readonly InboundRequest[] {
    return this.inboundLog;
  }
}
