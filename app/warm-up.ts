/**
 * Warming Neo4j's query plans once the API is up. The API sends one
 * statement per root field (cypher/api/neighborhood.cypher …), and Neo4j
 * plans a statement the first time it sees its text: 2–3 s for the largest
 * on a loaded 2-core server, which the first user of each operation would
 * wait for. So after start-up the example operations of GraphiQL (the
 * questions of docs/queries.md) run once, in process and one after another,
 * in the background. Their answers are the graph's own, and fill the
 * response cache as any request would.
 */
import { Kind, parse } from 'graphql';

/** The part of a yoga instance used: its in-process fetch. */
export interface InProcessApi {
  fetch(input: string, init: { method: 'POST'; headers: Record<string, string>; body: string }): Promise<Response> | Response;
}

export interface WarmUpResult {
  readonly operations: number;
  readonly seconds: number;
  /** Why it stopped early (Neo4j went away …), or null when every operation ran. */
  readonly stoppedBecause: string | null;
}

/** The named operations of a GraphQL document, in order. */
export function operationNames(document: string): string[] {
  return parse(document).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
}

export async function warmUp(api: InProcessApi, document: string): Promise<WarmUpResult> {
  const started = performance.now();
  const names = operationNames(document);
  let ran = 0;
  for (const operationName of names) {
    try {
      const response = await api.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: document, operationName }),
      });
      // The answer itself does not matter (a corpus without 柳州 answers NOT_FOUND): the statements ran.
      await response.arrayBuffer();
      ran += 1;
    } catch (error) {
      return { operations: ran, seconds: (performance.now() - started) / 1000, stoppedBecause: error instanceof Error ? error.message : String(error) };
    }
  }
  return { operations: ran, seconds: (performance.now() - started) / 1000, stoppedBecause: null };
}
