import { LogLevel, type Logger } from '@slack/logger';

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export interface LogEntry {
  level: LogLevel;
  message: string;
}

export interface RecordingLogger extends Logger {
  readonly entries: LogEntry[];
  /** Last name given with `setName` (the SDKs name their loggers after themselves). */
  readonly name: string;
}

/**
 * A Slack-SDK `Logger` that keeps what Bolt, WebClient and SocketModeClient log instead of printing
 * it, so tests stay quiet and can still assert on warnings (e.g. Bolt's signature failures).
 * Keeps entries at `level` and above (default info; the SDKs call `setLevel` with their `logLevel`).
 */
export function createRecordingLogger(name = 'local-slack', initialLevel: LogLevel = LogLevel.INFO): RecordingLogger {
  const entries: LogEntry[] = [];
  let level = initialLevel;
  let loggerName = name;
  const add = (entryLevel: LogLevel) => (...msg: unknown[]) => {
    if (SEVERITY[entryLevel] < SEVERITY[level]) return;
    entries.push({ level: entryLevel, message: msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' ') });
  };
  return {
    entries,
    debug: add(LogLevel.DEBUG),
    info: add(LogLevel.INFO),
    warn: add(LogLevel.WARN),
    error: add(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      loggerName = next;
    },
    get name() {
      return loggerName;
    },
  };
}
