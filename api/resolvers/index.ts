import { mergeResolvers } from './merge.ts';
import { healthResolvers } from './health.ts';
import { agencyResolvers } from './agencies.ts';
import { documentResolvers } from './documents.ts';
import { graphResolvers } from './graph.ts';
import { indicatorResolvers } from './indicators.ts';
import { leaderResolvers } from './leaders.ts';
import { overlapResolvers } from './overlaps.ts';
import { searchResolvers } from './search.ts';
import { taskResolvers } from './tasks.ts';

export const resolvers = mergeResolvers([
  healthResolvers,
  agencyResolvers,
  documentResolvers,
  graphResolvers,
  indicatorResolvers,
  leaderResolvers,
  overlapResolvers,
  searchResolvers,
  taskResolvers,
]);
