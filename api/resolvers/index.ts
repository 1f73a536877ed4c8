import { mergeResolvers } from './merge.ts';
import { healthResolvers } from './health.ts';
import { agencyResolvers } from './agencies.ts';
import { documentResolvers } from './documents.ts';
import { entityResolvers } from './entities.ts';
import { graphResolvers } from './graph.ts';
import { indicatorResolvers } from './indicators.ts';
import { jurisdictionResolvers } from './jurisdictions.ts';
import { leaderResolvers } from './leaders.ts';
import { overlapResolvers } from './overlaps.ts';
import { searchResolvers } from './search.ts';
import { suggestResolvers } from './suggest.ts';
import { taskResolvers } from './tasks.ts';

export const resolvers = mergeResolvers([
  healthResolvers,
  agencyResolvers,
  documentResolvers,
  entityResolvers,
  graphResolvers,
  indicatorResolvers,
  jurisdictionResolvers,
  leaderResolvers,
  overlapResolvers,
  searchResolvers,
  suggestResolvers,
  taskResolvers,
]);
