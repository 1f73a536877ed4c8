/**
 * The pipeline's public surface for the layers that read the graph it builds
 * (`api/`, `audit/`): lint lets them import `ingest/` through this module only.
 * `cli/` and `app/`, which run the pipeline, import its modules directly.
 */
export { DOCUMENT_KINDS, JURISDICTION_LEVELS, type DocumentKind, type JurisdictionLevel } from './model.ts';
