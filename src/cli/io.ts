/** The streams a command talks through: process streams in production, in-memory ones in tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A subcommand: takes its own arguments (after the command name) and returns the exit code. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Exit code for a usage error (unknown command, bad arguments). */
export const EXIT_USAGE = 2;

/** Writes, waiting for the stream to drain when its buffer is full, so a large run stays bounded. */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
