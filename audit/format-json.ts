/**
 * The report as JSON for scripts. The top-level keys and their order are a
 * contract (docs/audit.md): meta, jointLeads, coLeadPairs, leadDrift,
 * oversightOverlaps, load, livelihood. Missing values are null, never absent.
 */
import type { AuditReport } from './report.ts';

/** Bumped when a key is renamed or removed; adding keys does not bump it. */
export const AUDIT_JSON_VERSION = 1;

export const AUDIT_JSON_KEYS = ['version', 'meta', 'jointLeads', 'coLeadPairs', 'leadDrift', 'oversightOverlaps', 'load', 'livelihood'] as const;

export function formatJson(report: AuditReport): string {
  const ordered = {
    version: AUDIT_JSON_VERSION,
    meta: report.meta,
    jointLeads: report.jointLeads,
    coLeadPairs: report.coLeadPairs,
    leadDrift: report.leadDrift,
    oversightOverlaps: report.oversightOverlaps,
    load: report.load,
    livelihood: report.livelihood,
  } satisfies Record<(typeof AUDIT_JSON_KEYS)[number], unknown>;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
