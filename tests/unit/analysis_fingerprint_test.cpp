#include <doctest/doctest.h>

#include "analysis_fingerprint.h"

using naba::analysis_fingerprint;
using naba::fingerprint_difference;
using naba::parse_analysis_options;

TEST_CASE("the analysis fingerprint names the analysis version and the index-time switches") {
    const std::string shipped = analysis_fingerprint(parse_analysis_options(""));
    CHECK(shipped.starts_with("analysis " + std::to_string(naba::kAnalysisVersion) + "; "));
    CHECK(shipped.find("arabic-stemmer=light10") != std::string::npos);
    CHECK(shipped.find("latin-name-keys=1") != std::string::npos);
}

TEST_CASE("a switch that changes what is indexed changes the analysis fingerprint") {
    const std::string shipped = analysis_fingerprint(parse_analysis_options(""));
    for (const char* spec : {"no-latin-name-keys", "arabic-stemmer=snowball", "arabic-ngrams=0", "name-keys=0",
                             "arabic-root=0", "no-fold-teh-marbuta", "no-stop-words", "title-weight=2",
                             "waw-guard", "stem-positions"}) {
        CAPTURE(spec);
        CHECK(analysis_fingerprint(parse_analysis_options(spec)) != shipped);
    }
}

TEST_CASE("ranking-only switches and term weights above zero keep the analysis fingerprint") {
    // They apply when searching; the index holds the same terms.
    const std::string shipped = analysis_fingerprint(parse_analysis_options(""));
    for (const char* spec : {"k1=1.2", "b=0.75", "window-bonus=1", "exact-forms=0", "arabic-ngrams=0.5",
                             "name-keys=1", "arabic-root=2", "no-language-collections", "no-root-matches"}) {
        CAPTURE(spec);
        CHECK(analysis_fingerprint(parse_analysis_options(spec)) == shipped);
    }
}

TEST_CASE("the fingerprint difference lists what the current analysis has and the stored one lacks") {
    const std::string before = analysis_fingerprint(parse_analysis_options("no-latin-name-keys arabic-ngrams=0"));
    const std::string now = analysis_fingerprint(parse_analysis_options(""));
    CHECK(fingerprint_difference(before, now) == "latin-name-keys=1; arabic-ngrams=1");
    CHECK(fingerprint_difference(now, now).empty());
    // An index of an earlier version: its version entry differs too.
    CHECK(fingerprint_difference("analysis 0; arabic-stemmer=light10", "analysis 1; arabic-stemmer=light10") ==
          "analysis 1");
}
