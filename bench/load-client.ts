/**
 * The bench's GraphQL load generator, run in a process of its own
 * (`child_process.fork`): in the bench's process its HTTP client and JSON
 * parsing shared one event loop with the API it measured and were counted as
 * the API's time. The parent sends one job at a time over IPC and gets back
 * the latency summary of that job.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runConcurrently, type LatencySummary } from './measure.ts';
import { jsonPoster } from './post-json.ts';

export interface LoadJob {
  readonly url: string;
  readonly body: string;
  readonly concurrency: number;
  readonly requests: number;
  readonly seconds: number;
}

type Reply = { readonly ok: true; readonly summary: LatencySummary } | { readonly ok: false; readonly message: string };

/** Every answer must be JSON with no `errors`: a load run measures answers, not failures. */
async function runJob(job: LoadJob): Promise<LatencySummary> {
  const client = jsonPoster(job.url, job.concurrency);
  try {
    const post = async () => {
      const answer = (await client.post(job.body)) as { errors?: unknown } | null;
      if (answer === null || typeof answer !== 'object' || answer.errors !== undefined) throw new Error(`${job.url} answered with errors: ${JSON.stringify(answer).slice(0, 300)}`);
    };
    return await runConcurrently(post, job.concurrency, job.requests, job.seconds);
  } finally {
    client.close();
  }
}

/** A forked load generator; `close` ends the child. */
export function startLoadClient(): { run: (job: LoadJob) => Promise<LatencySummary>; close: () => void } {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let queue: Promise<unknown> = Promise.resolve();
  const run = (job: LoadJob) => {
    const next = queue.then(
      () =>
        new Promise<LatencySummary>((resolve, reject) => {
          const onExit = (code: number | null) => reject(new Error(`the load client exited (${code ?? 'signal'}) during a job`));
          child.once('exit', onExit);
          child.once('message', (reply: Reply) => {
            child.off('exit', onExit);
            if (reply.ok) resolve(reply.summary);
            else reject(new Error(reply.message));
          });
          child.send(job);
        }),
    );
    queue = next.catch(() => undefined);
    return next;
  };
  return { run, close: () => child.kill() };
}

if (process.argv.includes('--child')) {
  process.on('message', (job: LoadJob) => {
    runJob(job).then(
      (summary) => process.send?.({ ok: true, summary } satisfies Reply),
      (error: unknown) => process.send?.({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply),
    );
  });
}
