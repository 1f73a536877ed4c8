/**
 * Stable ids of jurisdictions and of the agencies in them. A place is named by
 * its written form below the province (jurisdiction:柳州市柳江区), so that two
 * 朝阳区 of different cities are two places; an agency by its place and its
 * canonical name (agency:柳州市:市财政局 and agency:福州市:市财政局 are two).
 */
import type { Jurisdiction } from '../model.ts';
import { qualifiedName } from './names.ts';

export function jurisdictionId(place: Jurisdiction): string {
  return `jurisdiction:${qualifiedName(place)}`;
}

/** An agency's id; an agency whose place is unknown keeps the bare `agency:<name>`. */
export function agencyId(name: string, place: Jurisdiction | null): string {
  return place === null ? `agency:${name}` : `agency:${qualifiedName(place)}:${name}`;
}
