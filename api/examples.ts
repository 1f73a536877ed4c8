/** Example operations preloaded in GraphiQL (the same questions as docs/queries.md). */
export const EXAMPLE_OPERATIONS = `# Questions analysts ask, as GraphQL. Pick an operation with the run button.

# All work led by 市工业和信息化局, per year, under any of its names.
query AgencyAcrossYears {
  agency(name: "工业和信息化局") {
    name
    aliases
    renamedFrom { name }
    yearSummary { year leadCount jointLeadCount livelihoodLeadCount supportCount livelihoodSupportCount }
    assignments(role: LEAD, first: 10) {
      totalCount
      edges { node { year text deadline task { number title } supporters { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}

# GDP growth: target versus actual, per year.
query GdpTargetVersusActual {
  indicator(metric: "地区生产总值") {
    metric
    unit
    byYear {
      year
      targets { value qualifier measure document { title } }
      actuals { value measure document { title } }
    }
  }
}

# Who oversees which agencies in 2024.
query Leaders2024 {
  leaders(year: 2024) {
    name
    oversees { agency { name } role aspect }
  }
}

# Where 螺蛳粉 appears, across documents and years, best first.
query SearchLuosifen {
  search(text: "螺蛳粉", first: 10) {
    totalCount
    edges { node { score type year snippet document { title year kind } } }
    pageInfo { hasNextPage endCursor }
  }
}

# Type-ahead, and where a company is named, year by year.
query CompanyAcrossYears {
  suggest(prefix: "柳工", first: 5) { type name matched }
  company(name: "柳工") {
    name
    mentionsByYear { year count }
    mentionedIn(years: [2024], first: 5) {
      totalCount
      edges { node { year written snippet document { title } } }
    }
  }
}

# Clauses led by more than one agency in 2024, with the leads.
query JointWork2024 {
  assignments(filter: { years: [2024], jointOnly: true }, first: 10) {
    totalCount
    edges { node { text leads { name } task { title } } }
  }
}

# Responsibility overlaps for an audit.
query Overlaps2024 {
  overlaps(year: 2024) {
    coLeadPairs(first: 10) { totalCount edges { node { first { name } second { name } count } } }
    leadChanges(first: 10) { totalCount edges { node { earlier { year text } later { year text } added { name } removed { name } } } }
    multiplyOverseen(first: 10) { totalCount edges { node { agency { name } oversights { leader { name } role } } } }
  }
}

# What a graph explorer draws around an agency.
query Neighborhood {
  neighborhood(id: "agency:市工业和信息化局", depth: 1, limit: 50) {
    truncated
    nodes { id label name }
    edges { type source target }
  }
}
`;
