// Output of naba-search --facets: per entity type, the most frequent entities of the
// match set. text and tsv: "TYPE<TAB>COUNT<TAB>ID<TAB>NAME" lines; json: one object
// per line with type, id, name and count. In batch mode each line or object starts
// with the query id.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "facets.h"
#include "printers/printer.h"

namespace naba::searcher {

// The formats that can print facets.
bool format_prints_facets(const std::string& format);

void print_facets(std::ostream& out, const std::string& format, const QueryLabel& label,
                  const std::vector<FacetCount>& facets);

}  // namespace naba::searcher
