// Runs a parsed query against the index and collects one page of hits, each with
// its stored record and a snippet of the passage that best matches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "query_collection.h"
#include "schema.h"

namespace naba::searcher {

class MentionMarks;

struct Hit {
    long rank = 0;  // 1-based position in the whole result list
    double score = 0;
    schema::StoredDocument doc;
    // The input file's path as its bytes are on disk (schema::kSourcePathSlot). The
    // record's doc.path is JSON, so bytes of a file name that are not UTF-8 are U+FFFD
    // there: a path no file has. Formats that can print bytes print this one.
    std::string source_path;
    std::string snippet;
};

struct SnippetStyle {
    std::string highlight_start = "**";
    std::string highlight_end = "**";
    std::size_t length = 300;  // bytes of text to aim for
};

struct SearchPage {
    Xapian::doccount total = 0;  // number of matching documents (see total_exact)
    bool total_exact = false;    // false: Xapian's estimate (it stopped counting early)
    std::vector<Hit> hits;
};

enum class SortOrder { relevance, date_ascending, date_descending };

struct SearchRequest {
    long offset = 0;
    long limit = 10;
    SortOrder sort = SortOrder::relevance;
    std::optional<SnippetStyle> snippets;  // none: no snippets (ids, trec, --count)
    // Count every match exactly. Costly for broad OR queries (it turns off Xapian's
    // top-k pruning), so only --count asks for it; otherwise the total is an estimate
    // that is exact whenever Xapian's bounds meet.
    bool exact_total = false;
    // Counts entity facets over the whole match set (which also makes the total exact).
    Xapian::MatchSpy* facet_spy = nullptr;
    // The query is written as a question (ParsedQuery::question): an Arabic or mixed
    // one then gets the window bonus too (AnalysisOptions::window_bonus_question).
    bool question = false;
    // Entities whose mentions the snippets mark (mention_marks.h); none: only the
    // query's own terms are marked.
    const MentionMarks* mention_marks = nullptr;
};

// BM25 weighs the query over `collection` (query_collection.h).
SearchPage run_search(const Xapian::Database& db, const Analyzer& analyzer, const Xapian::Query& query,
                      const Collection& collection, const SearchRequest& request);

// BM25's length normalization b for a query: analysis_options().bm25_b for Arabic and
// mixed queries (query_language.h), bm25_b_latin otherwise. The window bonus
// (window_bonus.h) is chosen the same way, and for Arabic and mixed questions
// (SearchRequest::question) is window_bonus_question.
double length_normalization(const Xapian::Query& query);

}  // namespace naba::searcher
