import { mergeResolvers } from './merge.ts';
import { healthResolvers } from './health.ts';

export const resolvers = mergeResolvers([healthResolvers]);
