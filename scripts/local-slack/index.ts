/**
 * A local Slack for tests, benchmarks and the sandbox: a recording Web API with failure injection
 * and a Socket Mode gateway (`web-api.ts`), and signed requests into the app (`requests.ts`).
 */
export * from './web-api';
export * from './requests';
export { LOCAL_DEFAULTS, TsClock, formatTs, parseTs, randomSlackId } from './ids';
export { createRecordingLogger, type LogEntry, type RecordingLogger } from './recording-logger';
