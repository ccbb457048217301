import { runSandbox } from './run';

/** `tsx src/sandbox/main.ts`: the sandbox on its own, whatever Slack variables are set. */
void runSandbox(process.env);
