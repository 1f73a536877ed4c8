/**
 * The entity-resolution context of one ingest run: one agency registry over
 * every document of the run, the mention matcher and the indicator rules, as
 * the functions the pure graph builder takes.
 */
import type { GraphContext, IndicatorFact, Mention, ResolvedAgency } from './graph/build.ts';
import type { ParsedDocument } from './model.ts';
import { withGlossaryTerms } from './extract/gazetteer.ts';
import { compileMatcher } from './extract/mentions.ts';
import { documentAgencyMentions } from './extract/dictionary.ts';
import { extractIndicators } from './extract/indicators.ts';
import { resolveAgencies, type AgencyRegistry } from './resolve/agencies/index.ts';
import { loadAgencyFacts, loadGazetteer, loadMetricRules, loadStopwords } from './rules.ts';

/** The entity-resolution context shared by every document of one run. */
export interface IngestContext {
  readonly registry: AgencyRegistry;
  readonly graphContext: GraphContext;
  readonly stopwords: ReadonlySet<string>;
}

export async function createIngestContext(documents: readonly ParsedDocument[], rulesDir: string): Promise<IngestContext> {
  const [facts, metricRules, stopwords, baseGazetteer] = await Promise.all([
    loadAgencyFacts(rulesDir),
    loadMetricRules(rulesDir),
    loadStopwords(rulesDir),
    loadGazetteer(rulesDir),
  ]);
  const gazetteer = withGlossaryTerms(baseGazetteer, documents);
  const structured = documents.flatMap((document) =>
    documentAgencyMentions(document).map((mention) => ({ name: mention.name, written: mention.written, year: document.year })),
  );
  // Agencies named only in prose (found by the agency pattern) go through the
  // same resolution as those of annotations, tables and leader lists, so the
  // curated aliases and the prefix rules apply to them too.
  const firstMatcher = compileMatcher(gazetteer, [...new Set(structured.flatMap((name) => [name.name, name.written]))].sort());
  const inProse = documents.flatMap((document) =>
    document.paragraphs.flatMap((paragraph) =>
      firstMatcher
        .find(paragraph.text, paragraph.span.start)
        .filter((mention) => mention.type === 'Agency')
        .map((mention) => ({ name: mention.name, written: mention.written, year: document.year })),
    ),
  );
  const registry = resolveAgencies([...structured, ...inProse], facts);
  const agencyNames = [...new Set(registry.agencies.flatMap((agency) => [agency.name, ...agency.aliases]))].sort();

  // Every lead, supporter and agency mention is resolved, most of them many
  // times over: each name is normalised and looked up once per run.
  const resolved = new Map<string, ResolvedAgency>();
  const agency = (name: string): ResolvedAgency => {
    let known = resolved.get(name);
    if (known === undefined) {
      const found = registry.resolve(name);
      known = found
        ? { id: found.id, name: found.name, aliases: [found.name, ...found.aliases], kind: found.kind }
        : { id: `agency:${name}`, name, aliases: [name], kind: 'other' };
      resolved.set(name, known);
    }
    return known;
  };
  const matcher = compileMatcher(gazetteer, agencyNames);
  const mentions = (text: string, baseOffset: number): Mention[] =>
    matcher.find(text, baseOffset).map((mention) => ({
      type: mention.type,
      name: mention.type === 'Agency' ? agency(mention.name).name : mention.name,
      written: mention.written,
      span: mention.span,
    }));
  const indicators = (sentence: Parameters<GraphContext['indicators']>[0]): IndicatorFact[] =>
    extractIndicators(sentence, metricRules).map((statement) => ({
      metric: statement.metric,
      kind: statement.kind,
      year: statement.year,
      value: statement.value,
      unit: statement.unit,
      measure: statement.measure,
      qualifier: statement.qualifier,
      upTo: statement.upTo,
      text: statement.text,
      span: statement.span,
    }));
  return {
    registry,
    graphContext: { agency, mentions, indicators },
    stopwords,
  };
}
