/**
 * The `kg` subcommands. To add one, write `commands/<name>.ts` exporting a
 * `command: Command` and add a line here; modules load only when their command
 * runs, so a command's dependencies (Neo4j, the API) never slow down the others.
 */
import type { Command } from './command.ts';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly command: Command }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'parse',
    summary: 'Parse files into typed documents and print what was found (--json for everything)',
    load: () => import('./commands/parse.ts'),
  },
  {
    name: 'ingest',
    summary: 'Load files or folders (default: the bundled corpus) into Neo4j; --reset rebuilds',
    load: () => import('./commands/ingest.ts'),
  },
  {
    name: 'eval',
    summary: 'Score extraction against hand-checked expected files (precision / recall / F1 per family and role)',
    load: () => import('./commands/eval.ts'),
  },
  {
    name: 'entities',
    summary: 'List canonical agencies with their aliases; --suspicious lists near-duplicates left unmerged',
    load: () => import('./commands/entities.ts'),
  },
  {
    name: 'audit',
    summary: 'Audit responsibility overlaps through the GraphQL API (joint leads, drift, oversight, load)',
    load: () => import('./commands/audit.ts'),
  },
  {
    name: 'export',
    summary: 'Export the graph, or the part reached from some years or places, as GraphML, JSON Lines or CSV',
    load: () => import('./commands/export.ts'),
  },
  {
    name: 'neo4j',
    summary: 'Install, start, stop or check the local Neo4j server (used when NEO4J_URI is not set)',
    load: () => import('./commands/neo4j.ts'),
  },
  {
    name: 'schema',
    summary: 'Print the served GraphQL schema to schema/generated/printed.graphql (print) or check that it is current (check)',
    load: () => import('./commands/schema.ts'),
  },
];
