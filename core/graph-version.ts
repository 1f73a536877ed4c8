/**
 * The graph's version: a token in Neo4j (cypher/graph/version.cypher) that
 * every write transaction replaces as its last statement (core/database.ts).
 * Equal tokens mean no write committed in between: the response cache keys
 * answers by it, and an export checks it did not change while it read.
 */

/** The version token from its rows; null when the graph has never been written. */
export function versionOf(rows: readonly Record<string, unknown>[]): string | null {
  const versions = rows.map((row) => row['version']).filter((value): value is string => typeof value === 'string' && value !== '');
  return versions.length === 0 ? null : versions.join('+');
}
