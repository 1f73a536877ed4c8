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

  async function flush(): Promise<void> {
    if (failure !== null) throw writeFailed(options.target, failure);
    if (pending.length === 0) return;
    const chunk = pending;
    pending = '';
    if (stream.destroyed) throw writeFailed(options.target, failure ?? Object.assign(new Error('stream destroyed'), { code: 'ERR_STREAM_DESTROYED' }));
    if (!stream.write(chunk)) {
      const drained = once(stream, 'drain').then(() => undefined);
      const failed = once(stream, 'error').then(([error]: unknown[]) => {
        throw error;
      });
      const closed = once(stream, 'close').then(() => {
        throw failure ?? Object.assign(new Error('stream closed'), { code: 'ERR_STREAM_DESTROYED' });
      });
      try {
        await Promise.race([drained, failed, closed]);
      } catch (error) {
        throw writeFailed(options.target, error);
      } finally {
        // The losers of the race must not reject unobserved.
        failed.catch(() => undefined);
        closed.catch(() => undefined);
      }
    }
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
