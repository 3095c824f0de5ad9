// The script of the words a query weighs: Arabic, Latin (English), both, or neither
// (digits only, or only filters). It picks the query's per-language settings (BM25's
// b, the window bonus: analysis_options.h) and the documents its BM25 statistics are
// taken over (query_collection.h).
#pragma once

#include <xapian.h>

namespace naba::searcher {

enum class QueryLanguage { none, arabic, latin, mixed };

// The scripts of the query's free-text terms (field prefixes set aside) and wildcard
// patterns. Filter terms (lang:, source:, entities, ids) and the words an AND_NOT
// excludes are not weighed, so they do not count.
QueryLanguage query_language(const Xapian::Query& query);

// Arabic and mixed queries take the Arabic settings (bench/RESULTS.md, ablation).
inline bool takes_arabic_settings(QueryLanguage language) {
    return language == QueryLanguage::arabic || language == QueryLanguage::mixed;
}

}  // namespace naba::searcher
