/** The shapes agency resolution reads and returns. */
import type { AgencyKind } from '../agency-facts.ts';

export interface ObservedAgencyName {
  /** With implied prefixes restored (`AgencyMention.name`). */
  readonly name: string;
  /** As written (`AgencyMention.written`). */
  readonly written: string;
  /** Year of the document the name was seen in; null when it states none. */
  readonly year: number | null;
}

export interface CanonicalAgency {
  /** `agency:` + canonical name. */
  readonly id: string;
  readonly name: string;
  /** Every other spelling that resolves to this agency, sorted. */
  readonly aliases: readonly string[];
  readonly kind: AgencyKind;
  readonly renamedTo: { readonly id: string; readonly year: number } | null;
  /** How many observations resolved here (0 for a rename target known only from facts). */
  readonly mentions: number;
  /** Document years the agency was observed in, ascending. */
  readonly years: readonly number[];
}

export interface SuspiciousPair {
  readonly a: CanonicalAgency;
  readonly b: CanonicalAgency;
  /**
   * `similar-spelling`: distinctive parts a small edit apart; `shared-core`: one
   * contains the other; `possible-rename`: alike, and never observed in the same year.
   */
  readonly reason: 'similar-spelling' | 'shared-core' | 'possible-rename';
  /** 0..1, higher is more alike. */
  readonly similarity: number;
}

export interface AgencyRegistry {
  readonly agencies: readonly CanonicalAgency[];
  /** The agency a name (any spelling) stands for, or null when it was never observed. */
  resolve(name: string): CanonicalAgency | null;
  readonly suspicious: readonly SuspiciousPair[];
}
