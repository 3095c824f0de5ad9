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

// Snippets are made only when `snippets` is set (the ids format needs none).
SearchPage run_search(const Xapian::Database& db, const Analyzer& analyzer, const Xapian::Query& query,
                      long offset, long limit, const std::optional<SnippetStyle>& snippets);

}  // namespace naba::searcher
