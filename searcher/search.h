// Runs a parsed query against the index and collects one page of hits, each with
// its stored record and a snippet of the passage that best matches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace naba::searcher {

struct Hit {
    long rank = 0;  // 1-based position in the whole result list
    double score = 0;
    schema::StoredDocument doc;
    std::string snippet;
};

struct SnippetStyle {
    std::string highlight_start = "**";
    std::string highlight_end = "**";
    std::size_t length = 300;  // bytes of text to aim for
};

struct SearchPage {
    Xapian::doccount total = 0;  // exact number of matching documents
    std::vector<Hit> hits;
};

enum class SortOrder { relevance, date_ascending, date_descending };

struct SearchRequest {
    long offset = 0;
    long limit = 10;
    SortOrder sort = SortOrder::relevance;
    std::optional<SnippetStyle> snippets;  // none: no snippets (ids, trec, --count)
};

// The total is exact: Xapian is asked to count every match.
SearchPage run_search(const Xapian::Database& db, const Analyzer& analyzer, const Xapian::Query& query,
                      const SearchRequest& request);

}  // namespace naba::searcher
