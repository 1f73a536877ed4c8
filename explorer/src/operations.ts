/**
 * Every GraphQL operation the explorer sends. docs/queries.md lists them verbatim
 * (section "The operations the explorer sends"), and a test runs them there against the corpus.
 */

export const SUGGEST = `query ExplorerSuggest($prefix: String!, $first: Int = 16) {
  suggest(prefix: $prefix, first: $first) { id type name matched }
}`;

export const FULL_TEXT = `query ExplorerFullText($text: String!, $first: Int = 8) {
  search(text: $text, types: [ASSIGNMENT, PASSAGE, TASK, LIVELIHOOD_PROJECT], first: $first) {
    totalCount
    edges { node { id type snippet year document { id title } } }
  }
}`;

export const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $depth: Int = 1, $limit: Int = 150) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    nodes { id label name properties }
    edges { id type source target properties }
  }
}`;

export const DOCUMENT = `query ExplorerDocument($id: ID!) {
  node(id: $id) {
    id
    ... on Document { title docNo kind year issuedOn sourceFile text }
  }
}`;

export const AGENCY = `query ExplorerAgency($id: ID!) {
  node(id: $id) {
    id
    ... on Agency {
      name aliases kind
      current { id name }
      renames { year from { id name } to { id name } }
      yearSummary { year leadCount jointLeadCount livelihoodLeadCount supportCount livelihoodSupportCount }
      coLeads { count agency { id name coLeads { count agency { id } } } }
      overseenBy { year role aspect title leader { id name } }
    }
  }
}`;

export const ENTITY = `query ExplorerEntity($id: ID!) {
  node(id: $id) {
    id
    __typename
    ... on Company { name aliases }
    ... on Park { name aliases }
    ... on Project { name aliases }
    ... on Term { name definition }
    ... on Leader { name oversees { year role aspect title agency { id name } } }
    ... on Indicator {
      metric unit
      byYear {
        year
        targets { value unit measure qualifier text document { id title } }
        actuals { value unit measure qualifier text document { id title } }
      }
    }
  }
}`;

export const MENTIONS = `query ExplorerMentions($id: ID!, $years: [Int!], $first: Int = 20, $after: String) {
  node(id: $id) {
    id
    ... on Mentioned {
      mentionsByYear { year count }
      mentionedIn(years: $years, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            year written snippet
            document { id title year }
            source { start end }
            item { __typename ... on Node { id } }
          }
        }
      }
    }
  }
}`;

export const JOINT_LEADS = `query ExplorerJointLeads($year: Int, $first: Int = 20, $after: String) {
  overlaps(year: $year) {
    multiLeadAssignments(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id year text leads { id name } } }
    }
  }
}`;

export const CO_LEAD_PAIRS = `query ExplorerCoLeadPairs($year: Int, $first: Int = 20, $after: String) {
  overlaps(year: $year) {
    coLeadPairs(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { count years first { id name } second { id name } } }
    }
  }
}`;

export const LEAD_CHANGES = `query ExplorerLeadChanges($year: Int, $first: Int = 20, $after: String) {
  overlaps(year: $year) {
    leadChanges(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          score
          earlier { id year text }
          later { id year text }
          added { id name }
          removed { id name }
        }
      }
    }
  }
}`;

export const MULTIPLY_OVERSEEN = `query ExplorerMultiplyOverseen($year: Int, $first: Int = 20, $after: String) {
  overlaps(year: $year) {
    multiplyOverseen(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { year agency { id name } oversights { role aspect leader { id name } } } }
    }
  }
}`;

export const YEARS = `query ExplorerYears {
  documents(first: 100) { totalCount edges { node { year } } }
}`;

/** All of them, by operation name (for the docs check). */
export const EXPLORER_OPERATIONS: Readonly<Record<string, string>> = {
  ExplorerSuggest: SUGGEST,
  ExplorerFullText: FULL_TEXT,
  ExplorerNeighborhood: NEIGHBORHOOD,
  ExplorerDocument: DOCUMENT,
  ExplorerAgency: AGENCY,
  ExplorerEntity: ENTITY,
  ExplorerMentions: MENTIONS,
  ExplorerJointLeads: JOINT_LEADS,
  ExplorerCoLeadPairs: CO_LEAD_PAIRS,
  ExplorerLeadChanges: LEAD_CHANGES,
  ExplorerMultiplyOverseen: MULTIPLY_OVERSEEN,
  ExplorerYears: YEARS,
};
