/**
 * The executable schema: SDL from `schema/*.graphql` (the contract) joined
 * with the resolvers in `api/resolvers/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../core/config.ts';
import { resolvers } from './resolvers/index.ts';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
/** The schema as served, printed by `kg schema print` (generated; not read as source). */
export const PRINTED_SCHEMA = path.join(SCHEMA_DIR, 'generated', 'printed.graphql');

export function readTypeDefinitions(directory: string = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(directory, file), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: readTypeDefinitions(), resolvers });
}
