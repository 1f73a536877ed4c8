/**
 * Writing an export with backpressure: text is gathered into chunks, each
 * chunk waits for the stream to drain when its buffer is full, so a slow disk
 * or a slow pipe slows the reading from Neo4j instead of filling memory. An
 * error of the stream (a full disk, a closed pipe) fails the next write.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { KgError } from '../../core/errors.ts';

const CHUNK_CHARACTERS = 64 * 1024;

export interface TextSink {
  write(text: string): Promise<void>;
  /** Flushes what is gathered and finishes the output (a file is put in its place). */
  close(): Promise<void>;
  /** Gives up: a file being written is removed, so no half export is left behind. */
  discard(): Promise<void>;
}

/** The reader of a pipe went away (`kg export | head`): not a failure of the export. */
export function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || cause?.code === 'EPIPE';
}

function writeFailed(target: string, error: unknown): KgError {
  if (isClosedPipe(error)) return new KgError('OUTPUT_WRITE_FAILED', `${target}: the reading end of the pipe was closed`, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new KgError('OUTPUT_WRITE_FAILED', `cannot write ${target}: ${reason}; check the path, its permissions and the free space`, { cause: error });
}

const closedStream = (): Error => Object.assign(new Error('the stream was closed'), { code: 'ERR_STREAM_DESTROYED' });

interface StreamSinkOptions {
  /** Named in error messages. */
  readonly target: string;
  /** End the stream on close (a file); stdout is left open for the process. */
  readonly end: boolean;
  readonly onClose?: () => Promise<void>;
  readonly onDiscard?: () => Promise<void>;
}

export function streamSink(stream: Writable, options: StreamSinkOptions): TextSink {
  let failure: unknown = null;
  // Without a listener an EPIPE on stdout would be an uncaught exception.
  const onError = (error: unknown): void => {
    failure ??= error;
  };
  stream.on('error', onError);
  let pending = '';

  /** Until the stream's buffer has room again, or it fails or closes; listeners are removed either way. */
  function drained(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = (error: unknown): void => {
        stream.off('drain', onDrain);
        stream.off('error', onFailure);
        stream.off('close', onClosed);
        if (error === null) resolve();
        else reject(writeFailed(options.target, error));
      };
      const onDrain = (): void => settle(null);
      const onFailure = (error: unknown): void => settle(error);
      const onClosed = (): void => settle(failure ?? closedStream());
      stream.on('drain', onDrain);
      stream.on('error', onFailure);
      stream.on('close', onClosed);
    });
  }

  async function flush(): Promise<void> {
    if (failure !== null) throw writeFailed(options.target, failure);
    if (pending.length === 0) return;
    const chunk = pending;
    pending = '';
    if (stream.destroyed) throw writeFailed(options.target, failure ?? closedStream());
    if (!stream.write(chunk)) await drained();
    if (failure !== null) throw writeFailed(options.target, failure);
  }

  return {
    async write(text) {
      pending += text;
      if (pending.length >= CHUNK_CHARACTERS) await flush();
    },
    async close() {
      await flush();
      if (options.end) {
        stream.end();
        try {
          await once(stream, 'finish');
        } catch (error) {
          throw writeFailed(options.target, error);
        }
      } else {
        // Waits until what was written has left for the stream's destination.
        await new Promise<void>((resolve, reject) => {
          stream.write('', (error) => (error ? reject(writeFailed(options.target, error)) : resolve()));
        });
      }
      if (failure !== null) throw writeFailed(options.target, failure);
      stream.off('error', onError);
      await options.onClose?.();
    },
    async discard() {
      pending = '';
      if (options.end) stream.destroy();
      await options.onDiscard?.();
    },
  };
}

/**
 * A file written next to its final name and renamed into place on close,
 * so that a reader never sees half an export; the folder is made when missing.
 */
export async function fileSink(file: string): Promise<TextSink> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const stream = fs.createWriteStream(partial, { encoding: 'utf8' });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw writeFailed(file, error);
  }
  return streamSink(stream, {
    target: file,
    end: true,
    onClose: async () => {
      try {
        await fs.promises.rename(partial, file);
      } catch (error) {
        throw writeFailed(file, error);
      }
    },
    onDiscard: () => fs.promises.rm(partial, { force: true }),
  });
}
