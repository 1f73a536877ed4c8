/** Jurisdictions: which place's government issued a document (see find.ts), and the place table. */
export { findJurisdiction } from './find.ts';
export { agencyId, jurisdictionId } from './ids.ts';
export { jurisdictionOf, levelOfName, namesAt, qualifiedName } from './names.ts';
export { ancestry, NO_PLACES, parsePlaceTable, type PlaceTable } from './places.ts';
