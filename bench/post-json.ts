/**
 * The bench's GraphQL client: node:http over keep-alive connections. It runs
 * in the bench's own process next to the API it measures, so it should cost
 * little: `fetch` (undici's WHATWG layer) spent about as much CPU per request
 * as the API's warm path itself and would be counted as the API's time.
 * It accepts gzip and inflates what comes gzipped, as browsers and most HTTP
 * clients do, so the API's compressed cache hits are measured with their cost
 * to the client included.
 */
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export type PostJson = (body: string) => Promise<unknown>;

/** A client for one URL with at most `connections` sockets kept open. */
export function jsonPoster(url: string, connections: number): { post: PostJson; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const post: PostJson = (body) =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const raw = Buffer.concat(chunks);
              resolve(JSON.parse((response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')));
            } catch (error) {
              reject(new Error(`${url} answered ${response.statusCode ?? '?'} with a body that is not JSON`, { cause: error }));
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { post, close: () => agent.destroy() };
}
