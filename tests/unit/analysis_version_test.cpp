// Pins what the analysis makes of a fixed bilingual text to kAnalysisVersion: a change
// to the terms (normalization, stop words, stemmers, extra terms) fails here until
// the version is raised, so that naba-index re-analyses the indexes built before it
// (analysis_fingerprint.h) instead of leaving them to miss what queries now search.
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>

#include "analysis_fingerprint.h"
#include "analyzer.h"
#include "document_builder.h"

namespace {

// Every term of the built document with its wdf, and the stem key of each word, in
// order; FNV-1a over them (a stable hash, unlike std::hash).
std::uint64_t analysis_hash(const std::string& title, const std::string& text) {
    naba::Analyzer analyzer;
    naba::indexer::DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument doc{"fixed", "", 0, title, "2025-03-18", "", "Naba Desk", "", text, {}};
    const Xapian::Document xdoc = builder.build(doc);
    std::string all;
    for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t)
        all += *t + "/" + std::to_string(t.get_wdf()) + ">" + analyzer.stem_key(*t) + "\n";
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : all) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

}  // namespace

TEST_CASE("the analysis of a fixed text is the one its analysis version promises") {
    const std::uint64_t hash = analysis_hash(
        "Zelenskiy meets envoys: هدنة في البحر الأسود",
        "Talks resumed in Geneva on Tuesday, where President Zelenskiy's U.S. counterparts said the "
        "negotiators were making progress. وقال المبعوث إنّ المفاوضات استؤنفت في جنيف، وأكّد الرئيس "
        "زيلينسكي وحكومته أن تبادل الأسرى سيتم خلال ٣٠ يوماً أو بين 2025 و2026 بوساطةٍ قطرية، والمسؤولون يدرسون الضمانات.");
    // When the hash changes and the change was meant: raise kAnalysisVersion in
    // common/analysis_fingerprint.h and write both new values here.
    CHECK(naba::kAnalysisVersion == 3);
    CHECK(hash == 5585285594464578607u);
}
