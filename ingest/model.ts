/**
 * The typed output of each ingest stage. Every stage after `read` is a pure
 * function from one of these shapes to the next, so a wrong extraction can be
 * traced to the stage that produced it (`kg parse FILE --json`).
 *
 * Offsets (`Span`) are UTF-16 code-unit offsets into the *cleaned text of the
 * document* (`ParsedDocumentBase.text`), which is stored with the document so
 * that every structured item can be shown in its original wording.
 */

import type { KgError } from '../core/errors.ts';

export const DOCUMENT_KINDS = [
  'WORK_REPORT',
  'TASK_DIVISION',
  'LIVELIHOOD_PLAN',
  'LEADER_DIVISION',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Half-open range [start, end) into a document's cleaned text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Output of `read`: one file decoded to text. */
export interface SourceText {
  /** Path as given by the user (used in error messages and as provenance). */
  readonly path: string;
  readonly encoding: 'utf-8' | 'gb18030';
  readonly text: string;
  /** sha256 of the raw bytes, hex. */
  readonly contentHash: string;
}

/** Output of `clean`: the whole file's text normalised, with what was removed. */
export interface CleanedText {
  readonly path: string;
  readonly text: string;
  /** Human-readable record of what cleaning removed (headers, duplicates, noise). */
  readonly removed: readonly RemovedFragment[];
}

export interface RemovedFragment {
  readonly reason: 'running-header' | 'page-number' | 'duplicate-body' | 'noise' | 'table-of-contents' | 'footnote-marker';
  readonly text: string;
}

/** Output of `split`: one document's cleaned text cut out of a file. */
export interface DocumentText {
  readonly sourceFile: string;
  /** 0-based place of the document in its file. */
  readonly ordinalInFile: number;
  readonly text: string;
  /**
   * The title the file's table of contents gives this document (matched by
   * docNo), for documents whose own title line the source lost.
   */
  readonly contentsTitle?: string;
}

/** Output of `classify`: the header facts of a document. */
export interface DocumentHeader {
  readonly kind: DocumentKind;
  /**
   * The year the document is about (plans: the plan year; reports: the report
   * year); null when neither its title, number, dates nor text state one.
   */
  readonly year: number | null;
  readonly title: string;
  /** e.g. 柳政发〔2024〕3号, normalised to 〔〕 brackets. */
  readonly docNo: string | null;
  /** ISO date yyyy-mm-dd. */
  readonly issuedOn: string | null;
}

export const JURISDICTION_LEVELS = ['national', 'province', 'city', 'district', 'county', 'town'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** A place with a government: 柳江区 (district) in 柳州市 (city) in 广西壮族自治区 (province). */
export interface Jurisdiction {
  /** The full name, without its parents' names: 柳江区, not 柳州市柳江区. */
  readonly name: string;
  readonly level: JurisdictionLevel;
  /** The enclosing place, as far as the table or the text tell; null at the top or when unknown. */
  readonly parent: Jurisdiction | null;
}

/** What told a document's jurisdiction, so a wrong one can be traced (`kg parse --json`). */
export const JURISDICTION_EVIDENCE = ['title', 'issuer', 'doc-number', 'text', 'wording', 'file'] as const;
export type JurisdictionEvidence = (typeof JURISDICTION_EVIDENCE)[number];

export interface DocumentJurisdiction extends Jurisdiction {
  readonly evidence: JurisdictionEvidence;
}

/** An organisation name exactly as written, plus the name with implied prefixes restored. */
export interface AgencyMention {
  /** As written in the source, e.g. `国资委` in `分管市应急管理局、国资委`. */
  readonly written: string;
  /** With the implied `市` (or list prefix) restored, e.g. `市国资委`. Not yet alias-resolved. */
  readonly name: string;
  readonly span: Span;
}

/** The parenthetical annotation that closes a task-division clause. */
/**
 * How a responsibility marker was written, so a wrong extraction can be traced
 * to the rule that read it (`kg parse --json`).
 */
export const RESPONSIBILITY_CONVENTIONS = [
  /** `（A牵头，B配合，6月底前完成）` after the clause. */
  'trailing-group',
  /** `（牵头单位：A；责任单位：B）`, in any bracket. */
  'labelled-group',
  /** Lines under an item: `牵头单位：A` / `配合单位：B` / `A牵头，B配合。`. */
  'labelled-lines',
  /** A row of a task table (牵头单位 | 责任单位 | 完成时限 columns). */
  'table-row',
  /** A heading that names the lead of every task under it (`一、县发改局牵头工作`). */
  'group-heading',
] as const;
export type ResponsibilityConvention = (typeof RESPONSIBILITY_CONVENTIONS)[number];

export interface LeadAnnotation {
  readonly text: string;
  readonly span: Span;
  readonly convention: ResponsibilityConvention;
  readonly leads: readonly AgencyMention[];
  /**
   * True when the leads were not labelled as such but follow from a convention
   * the document states (列第一位的为牵头单位): the first responsible unit.
   */
  readonly inferredLeads: boolean;
  readonly supporters: readonly AgencyMention[];
  /** Units named as 责任单位 (responsible), distinct from leads and supporters. */
  readonly responsible: readonly AgencyMention[];
  /** Leaders named in the marker (分管领导：X), as written. */
  readonly leaders: readonly string[];
  /** True for `按职责分别牵头` / `分别负责`: each lead owns its own share. */
  readonly joint: boolean;
  /** e.g. `12月底前完成当年任务`, `年内持续推进`; null when none is stated. */
  readonly deadline: string | null;
}

export interface Clause {
  /** 1-based place of the clause within its task. */
  readonly ordinal: number;
  /** The clause text without its annotation. */
  readonly text: string;
  readonly span: Span;
  readonly annotation: LeadAnnotation;
}

export interface Section {
  /** 1-based, restarts within each part, like the source's （一）（二）. */
  readonly ordinal: number;
  readonly title: string;
  /** Title of the enclosing part (一、二、…) if any. */
  readonly part: string | null;
  readonly span: Span;
}

export interface Task {
  /** The number printed in the source (1., 2., …). */
  readonly number: number;
  /** The first sentence (or heading) of the task. */
  readonly title: string;
  readonly text: string;
  readonly span: Span;
  /** Index into `sections` of the enclosing document, or null before any section. */
  readonly sectionIndex: number | null;
  readonly clauses: readonly Clause[];
}

export interface Paragraph {
  /** 1-based place in the document. */
  readonly ordinal: number;
  readonly text: string;
  readonly span: Span;
  /** Titles of the enclosing part and section, when any. */
  readonly part: string | null;
  readonly section: string | null;
}

export interface GlossaryTerm {
  /** The circled marker, e.g. ①. */
  readonly marker: string;
  readonly name: string;
  readonly definition: string;
  readonly span: Span;
  /** Where the marker appears in the body. */
  readonly occurrences: readonly Span[];
}

/** A sentence that states figures: the main targets, or a review result. */
export interface FigureSentence {
  readonly text: string;
  readonly span: Span;
  /** TARGET: the plan year's goals; ACTUAL: results reported for an earlier year. */
  readonly kind: 'TARGET' | 'ACTUAL';
  /** The year the figures are about. */
  readonly year: number;
}

export interface LivelihoodRow {
  readonly no: number;
  readonly title: string;
  readonly content: string;
  readonly leads: readonly AgencyMention[];
  readonly responsible: readonly AgencyMention[];
  /** Units of a 配合单位 / 协办单位 column or label, kept apart from the responsible ones. */
  readonly supporters: readonly AgencyMention[];
  /** Completion standard or time, as written. */
  readonly standard: string;
  readonly span: Span;
}

export const OVERSIGHT_ROLES = ['主管', '分管', '协助分管', '联系'] as const;
export type OversightRole = (typeof OVERSIGHT_ROLES)[number];

export interface Oversight {
  readonly role: OversightRole;
  readonly agency: AgencyMention;
  /** A stated aspect, e.g. 园林 in `协助分管市林业和园林局（园林）`, else null. */
  readonly aspect: string | null;
}

export interface LeaderBlock {
  readonly name: string;
  /** e.g. 市长, 副市长, as written before the name when present. */
  readonly title: string | null;
  readonly span: Span;
  /** 负责 areas, as written. */
  readonly responsibilities: readonly string[];
  readonly oversees: readonly Oversight[];
}

interface ParsedDocumentBase extends DocumentHeader {
  /** Stable id: the docNo when there is one, else `<file name>#<ordinal>`. */
  readonly id: string;
  readonly sourceFile: string;
  readonly ordinalInFile: number;
  /** sha256 of the document's cleaned text, hex: unchanged documents are skipped. */
  readonly contentHash: string;
  /** The cleaned text every span points into. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** The place whose government issued the document; null when nothing tells it. */
  readonly jurisdiction: DocumentJurisdiction | null;
}

export interface TaskDivisionDocument extends ParsedDocumentBase {
  readonly kind: 'TASK_DIVISION';
  readonly sections: readonly Section[];
  readonly tasks: readonly Task[];
}

export interface WorkReportDocument extends ParsedDocumentBase {
  readonly kind: 'WORK_REPORT';
  readonly sections: readonly Section[];
  readonly figures: readonly FigureSentence[];
  readonly glossary: readonly GlossaryTerm[];
  /** An appended 为民办实事 table, when the report carries one. */
  readonly livelihood: readonly LivelihoodRow[];
}

export interface LivelihoodPlanDocument extends ParsedDocumentBase {
  readonly kind: 'LIVELIHOOD_PLAN';
  readonly livelihood: readonly LivelihoodRow[];
}

export interface LeaderDivisionDocument extends ParsedDocumentBase {
  readonly kind: 'LEADER_DIVISION';
  readonly leaders: readonly LeaderBlock[];
}

export interface OtherDocument extends ParsedDocumentBase {
  readonly kind: 'OTHER';
}

export type ParsedDocument =
  | TaskDivisionDocument
  | WorkReportDocument
  | LivelihoodPlanDocument
  | LeaderDivisionDocument
  | OtherDocument;

/**
 * Result of parsing one file: its documents, or the reason it failed. A file
 * whose documents partly fail is `ok` with the failures in `problems`: one bad
 * document never stops the others. `warnings` name documents that were read
 * with a gap (no year stated): they are loaded all the same.
 */
export type ParsedFile =
  | {
      readonly ok: true;
      readonly path: string;
      readonly documents: readonly ParsedDocument[];
      readonly problems: readonly KgError[];
      readonly warnings: readonly KgError[];
    }
  | { readonly ok: false; readonly path: string; readonly error: KgError };
