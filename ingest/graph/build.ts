/**
 * Pure: one parsed document → the records of its subgraph (docs/graph-model.md).
 * Entity resolution, mention finding and indicator extraction are given as
 * functions, so this module only decides the shape of the graph.
 */
import { jurisdictionId } from '../jurisdiction/ids.ts';
import { qualifiedName } from '../jurisdiction/names.ts';
import type {
  AgencyMention,
  FigureSentence,
  Jurisdiction,
  LeaderDivisionDocument,
  LivelihoodRow,
  ParsedDocument,
  Span,
  TaskDivisionDocument,
  WorkReportDocument,
} from '../model.ts';
import type { EntityType } from '../extract/gazetteer.ts';
import {
  OWNED_LABELS,
  RELATIONSHIP_TYPES,
  SHARED_LABELS,
  SHARED_RELATIONSHIP_TYPES,
  type DocumentGraph,
  type NodeRecord,
  type OwnedLabel,
  type Properties,
  type PropertyValue,
  type RelationshipRecord,
  type RelationshipType,
  type SharedLabel,
  type SharedRelationshipType,
} from './records.ts';

export interface ResolvedAgency {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: string;
  /** The place the agency is a body of; null when neither its name nor its document tell. */
  readonly jurisdiction: Jurisdiction | null;
}

export interface Mention {
  readonly type: EntityType;
  /** Canonical name (agency names are resolved by the context). */
  readonly name: string;
  readonly written: string;
  readonly span: Span;
}

export interface IndicatorFact {
  readonly metric: string;
  readonly kind: 'TARGET' | 'ACTUAL';
  readonly year: number;
  /** Null for a qualitative statement (与经济增长同步, 完成市下达任务), whose `qualifier` holds the phrase. */
  readonly value: number | null;
  readonly unit: string;
  /** growth, level or qualitative. */
  readonly measure: string;
  readonly qualifier: string | null;
  /** Upper end of a range target such as 6%—6.5%. */
  readonly upTo: number | null;
  readonly text: string;
  readonly span: Span;
}

export interface GraphContext {
  /**
   * Canonical agency for a name as extracted (prefix already restored), named
   * in a document of `jurisdiction`: 市财政局 is Liuzhou's in Liuzhou's documents.
   */
  readonly agency: (name: string, jurisdiction: Jurisdiction | null) => ResolvedAgency;
  /**
   * Entities named in `text`, whose first character is at `baseOffset` of a
   * document of `jurisdiction` (agency names are resolved in that place).
   */
  readonly mentions: (text: string, baseOffset: number, jurisdiction: Jurisdiction | null) => readonly Mention[];
  /** The indicator statements of a sentence of a document of `jurisdiction` (its own name before a metric scopes it). */
  readonly indicators: (sentence: FigureSentence, jurisdiction: Jurisdiction | null) => readonly IndicatorFact[];
}

/** Sections whose title names the plan's main targets (主要预期目标) hold target sentences. */
const TARGET_SECTION = /预期目标|主要目标/;

class GraphCollector {
  readonly owned = new Map<OwnedLabel, NodeRecord[]>(OWNED_LABELS.map((label) => [label, []]));
  readonly shared = new Map<SharedLabel, Map<string, NodeRecord>>(SHARED_LABELS.map((label) => [label, new Map()]));
  readonly relationships = new Map<RelationshipType, RelationshipRecord[]>(RELATIONSHIP_TYPES.map((type) => [type, []]));
  readonly sharedRelationships = new Map<SharedRelationshipType, Map<string, RelationshipRecord>>(SHARED_RELATIONSHIP_TYPES.map((type) => [type, new Map()]));
  private readonly seenMentions = new Set<string>();

  constructor(
    readonly documentId: string,
    readonly year: number | null,
    readonly jurisdiction: Jurisdiction | null,
    readonly context: GraphContext,
  ) {}

  addOwned(label: OwnedLabel, id: string, properties: Properties): string {
    this.owned.get(label)?.push({ id, properties: { ...properties, documentId: this.documentId, year: this.year } });
    return id;
  }

  /**
   * One record per shared node; a later call adds its properties to the
   * record, so a term mentioned in a passage before its glossary entry is
   * read still carries the definition.
   */
  addShared(label: SharedLabel, id: string, properties: Properties): string {
    const nodes = this.shared.get(label);
    const earlier = nodes?.get(id);
    nodes?.set(id, { id, properties: earlier === undefined ? properties : { ...earlier.properties, ...properties } });
    return id;
  }

  relate(type: RelationshipType, from: string, to: string, properties: Properties = {}): void {
    this.relationships.get(type)?.push({ from, to, properties });
  }

  /** A relationship between shared nodes, once per document (the load merges it). */
  relateShared(type: SharedRelationshipType, from: string, to: string): void {
    this.sharedRelationships.get(type)?.set(`${from}→${to}`, { from, to, properties: {} });
  }

  /** The shared Jurisdiction node of a place, with its parents (PART_OF); returns its id. */
  place(place: Jurisdiction): string {
    const id = jurisdictionId(place);
    if (this.shared.get('Jurisdiction')?.has(id)) return id;
    this.addShared('Jurisdiction', id, { name: place.name, level: place.level, parent: place.parent?.name ?? null, fullName: id.slice('jurisdiction:'.length) });
    if (place.parent !== null) this.relateShared('PART_OF', id, this.place(place.parent));
    return id;
  }

  /** The shared Agency node for a name as extracted, OF its jurisdiction; returns its id. */
  agency(name: string): string {
    const agency = this.context.agency(name, this.jurisdiction);
    const id = this.addShared('Agency', agency.id, {
      name: agency.name,
      aliases: agency.aliases,
      kind: agency.kind,
      jurisdiction: agency.jurisdiction === null ? null : qualifiedName(agency.jurisdiction),
    });
    if (agency.jurisdiction !== null) this.relateShared('OF', id, this.place(agency.jurisdiction));
    return id;
  }

  /** One MENTIONS edge per (source, entity), at the first place the entity is named. */
  mentionsIn(sourceId: string, text: string, baseOffset: number): void {
    for (const mention of this.context.mentions(text, baseOffset, this.jurisdiction)) {
      const targetId = this.entity(mention);
      const key = `${sourceId}→${targetId}`;
      if (this.seenMentions.has(key)) continue;
      this.seenMentions.add(key);
      this.relate('MENTIONS', sourceId, targetId, { written: mention.written, start: mention.span.start, end: mention.span.end });
    }
  }

  private entity(mention: Mention): string {
    switch (mention.type) {
      case 'Agency':
        return this.agency(mention.name);
      case 'Company':
        return this.addShared('Company', `company:${mention.name}`, { name: mention.name });
      case 'Park':
        return this.addShared('Park', `park:${mention.name}`, { name: mention.name });
      case 'Project':
        return this.addShared('Project', `project:${mention.name}`, { name: mention.name });
      case 'Term':
        return this.addShared('Term', `term:${mention.name}`, { name: mention.name });
    }
  }

  indicators(sentence: FigureSentence): void {
    for (const fact of this.context.indicators(sentence, this.jurisdiction)) {
      const id = this.addShared('Indicator', `indicator:${fact.metric}`, { metric: fact.metric, unit: fact.unit });
      this.relate('STATES', this.documentId, id, {
        documentId: this.documentId,
        year: fact.year,
        kind: fact.kind,
        value: fact.value,
        unit: fact.unit,
        measure: fact.measure,
        qualifier: fact.qualifier,
        upTo: fact.upTo,
        text: fact.text,
        start: fact.span.start,
        end: fact.span.end,
      });
    }
  }

  /**
   * Responsibility edges of a clause. Units named only as responsible (责任单位,
   * a plain 负责) are SUPPORTED_BY with role RESPONSIBLE rather than leads: the
   * graph never invents a lead. A lead that follows from a convention the
   * document states (列第一位的为牵头单位) carries `inferred: true`.
   */
  leadsAndSupporters(
    sourceId: string,
    units: {
      readonly leads: readonly AgencyMention[];
      readonly supporters: readonly AgencyMention[];
      readonly responsible?: readonly AgencyMention[];
      readonly joint: boolean;
      readonly inferredLeads?: boolean;
    },
  ): void {
    const seen = new Set<string>();
    for (const lead of units.leads) {
      const id = this.agency(lead.name);
      if (seen.has(id)) continue;
      seen.add(id);
      const properties: Record<string, PropertyValue> = { joint: units.joint, written: lead.written, start: lead.span.start, end: lead.span.end };
      if (units.inferredLeads === true) properties['inferred'] = true;
      this.relate('LED_BY', sourceId, id, properties);
    }
    const others = [
      ...units.supporters.map((unit) => ({ unit, role: null })),
      ...(units.responsible ?? []).map((unit) => ({ unit, role: 'RESPONSIBLE' as const })),
    ];
    for (const { unit, role } of others) {
      const id = this.agency(unit.name);
      if (seen.has(id)) continue;
      seen.add(id);
      const properties: Record<string, PropertyValue> = { written: unit.written, start: unit.span.start, end: unit.span.end };
      if (role !== null) properties['role'] = role;
      this.relate('SUPPORTED_BY', sourceId, id, properties);
    }
  }

  finish(document: NodeRecord): DocumentGraph {
    const owned = Object.fromEntries(OWNED_LABELS.map((label) => [label, this.owned.get(label) ?? []])) as Record<OwnedLabel, NodeRecord[]>;
    const shared = Object.fromEntries(SHARED_LABELS.map((label) => [label, [...(this.shared.get(label)?.values() ?? [])]])) as Record<SharedLabel, NodeRecord[]>;
    const relationships = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, this.relationships.get(type) ?? []])) as Record<RelationshipType, RelationshipRecord[]>;
    const sharedRelationships = Object.fromEntries(
      SHARED_RELATIONSHIP_TYPES.map((type) => [type, [...(this.sharedRelationships.get(type)?.values() ?? [])]]),
    ) as Record<SharedRelationshipType, RelationshipRecord[]>;
    return { document, owned, shared, relationships, sharedRelationships };
  }
}

function spanProperties(span: Span): { start: number; end: number } {
  return { start: span.start, end: span.end };
}

/** Section nodes, PART_OF their document; returns their ids in document order. */
function addSections(collector: GraphCollector, document: TaskDivisionDocument | WorkReportDocument): string[] {
  return document.sections.map((section, index) => {
    const id = collector.addOwned('Section', `${document.id}/section/${index + 1}`, {
      title: section.title,
      ordinal: section.ordinal,
      part: section.part,
      ...spanProperties(section.span),
    });
    collector.relate('PART_OF', id, document.id);
    return id;
  });
}

function addTaskDivision(collector: GraphCollector, document: TaskDivisionDocument): void {
  const sectionIds = addSections(collector, document);
  for (const task of document.tasks) {
    const taskId = collector.addOwned('Task', `${document.id}/task/${task.number}`, {
      number: task.number,
      title: task.title,
      text: task.text,
      ...spanProperties(task.span),
    });
    collector.relate('HAS_TASK', document.id, taskId);
    const sectionId = task.sectionIndex === null ? undefined : sectionIds[task.sectionIndex];
    collector.relate('PART_OF', taskId, sectionId ?? document.id);
    const section = task.sectionIndex === null ? undefined : document.sections[task.sectionIndex];
    const statesTargets = section !== undefined && TARGET_SECTION.test(section.title);
    for (const clause of task.clauses) {
      const assignmentId = `${taskId}/clause/${clause.ordinal}`;
      const leadNames = clause.annotation.leads.map((lead) => collector.context.agency(lead.name, collector.jurisdiction).name);
      collector.addOwned('Assignment', assignmentId, {
        ordinal: clause.ordinal,
        text: clause.text,
        deadline: clause.annotation.deadline,
        joint: clause.annotation.joint,
        annotation: clause.annotation.text,
        leadNames: [...new Set(leadNames)],
        ...spanProperties(clause.span),
      });
      collector.relate('HAS_ASSIGNMENT', taskId, assignmentId, { ordinal: clause.ordinal });
      collector.leadsAndSupporters(assignmentId, clause.annotation);
      collector.mentionsIn(assignmentId, clause.text, clause.span.start);
      // Targets are about the plan's year: a document without one cannot date them.
      if (statesTargets && document.year !== null) {
        collector.indicators({ text: clause.text, span: clause.span, kind: 'TARGET', year: document.year });
      }
    }
  }
}

function addLivelihood(collector: GraphCollector, document: ParsedDocument, rows: readonly LivelihoodRow[]): void {
  for (const row of rows) {
    const id = collector.addOwned('LivelihoodProject', `${document.id}/livelihood/${row.no}`, {
      no: row.no,
      title: row.title,
      content: row.content,
      standard: row.standard,
      text: [row.title, row.content].filter((part) => part.length > 0).join('：'),
      ...spanProperties(row.span),
    });
    collector.relate('HAS_PROJECT', document.id, id);
    collector.leadsAndSupporters(id, { leads: row.leads, supporters: [...row.responsible, ...row.supporters], joint: false });
    const contentAt = document.text.indexOf(row.content, row.span.start);
    if (row.content.length > 0 && contentAt >= 0) collector.mentionsIn(id, row.content, contentAt);
  }
}

function addWorkReport(collector: GraphCollector, document: WorkReportDocument): void {
  addSections(collector, document);
  for (const figure of document.figures) collector.indicators(figure);
  for (const term of document.glossary) {
    const id = collector.addShared('Term', `term:${term.name}`, { name: term.name, definition: term.definition, text: `${term.name}：${term.definition}` });
    collector.relate('DEFINES', document.id, id, { marker: term.marker, ...spanProperties(term.span), occurrences: term.occurrences.map((span) => span.start) });
  }
  addLivelihood(collector, document, document.livelihood);
}

function addLeaderDivision(collector: GraphCollector, document: LeaderDivisionDocument): void {
  for (const leader of document.leaders) {
    const leaderId = collector.addShared('Leader', `leader:${leader.name}`, { name: leader.name });
    for (const oversight of leader.oversees) {
      const agencyId = collector.agency(oversight.agency.name);
      collector.relate('OVERSEES', leaderId, agencyId, {
        documentId: document.id,
        year: document.year,
        role: oversight.role,
        aspect: oversight.aspect,
        title: leader.title,
        written: oversight.agency.written,
        start: oversight.agency.span.start,
        end: oversight.agency.span.end,
      });
    }
  }
}

export function buildDocumentGraph(document: ParsedDocument, context: GraphContext, pipelineVersion: string): DocumentGraph {
  const collector = new GraphCollector(document.id, document.year, document.jurisdiction, context);
  if (document.jurisdiction !== null) collector.relate('ISSUED_IN', document.id, collector.place(document.jurisdiction));
  for (const paragraph of document.paragraphs) {
    const id = collector.addOwned('Passage', `${document.id}/passage/${paragraph.ordinal}`, {
      ordinal: paragraph.ordinal,
      text: paragraph.text,
      part: paragraph.part,
      section: paragraph.section,
      documentKind: document.kind,
      ...spanProperties(paragraph.span),
    });
    collector.relate('PART_OF', id, document.id);
    collector.mentionsIn(id, paragraph.text, paragraph.span.start);
  }
  switch (document.kind) {
    case 'TASK_DIVISION':
      addTaskDivision(collector, document);
      break;
    case 'WORK_REPORT':
      addWorkReport(collector, document);
      break;
    case 'LIVELIHOOD_PLAN':
      addLivelihood(collector, document, document.livelihood);
      break;
    case 'LEADER_DIVISION':
      addLeaderDivision(collector, document);
      break;
    case 'OTHER':
      break;
  }
  return collector.finish({
    id: document.id,
    properties: {
      documentId: document.id,
      title: document.title,
      docNo: document.docNo,
      kind: document.kind,
      year: document.year,
      issuedOn: document.issuedOn,
      sourceFile: document.sourceFile,
      ordinalInFile: document.ordinalInFile,
      contentHash: document.contentHash,
      pipelineVersion,
      text: document.text,
    },
  });
}
