// The script of the words a query weighs (searcher/query_language.h).
#include <doctest/doctest.h>

#include <xapian.h>

#include "query_language.h"

using naba::searcher::query_language;
using naba::searcher::QueryLanguage;

namespace {

Xapian::Query any_of(std::initializer_list<std::string> terms) {
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

TEST_CASE("a query's language is the script of its words, field prefixes set aside") {
    CHECK(query_language(any_of({"ceasefire", "Zceasefir", "Stalks"})) == QueryLanguage::latin);
    // The capital prefixes of stems, titles and roots are not Latin words.
    CHECK(query_language(any_of({"هدنه", "Zهدن", "XAهدن", "XCمفاو"})) == QueryLanguage::arabic);
    CHECK(query_language(any_of({"gaza", "هدنه"})) == QueryLanguage::mixed);
    CHECK(query_language(any_of({"2023", "15"})) == QueryLanguage::none);
    CHECK(query_language(Xapian::Query(Xapian::Query::MatchAll)) == QueryLanguage::none);
    CHECK(query_language(Xapian::Query()) == QueryLanguage::none);
}

TEST_CASE("filters and excluded words do not make a query's language") {
    const Xapian::Query arabic = any_of({"هدنه", "Zهدن"});
    // lang:en, source:reuters and person:zelensky filter an Arabic query: still Arabic.
    const Xapian::Query filters = any_of({"Len", "XSreuters", "XPp:volodymyr-zelensky", "Qdoc-1"});
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_FILTER, arabic, filters)) == QueryLanguage::arabic);
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_AND_NOT, arabic, Xapian::Query("hamas"))) ==
          QueryLanguage::arabic);
    // A query of filters alone weighs no word.
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filters, 0)) == QueryLanguage::none);
}

TEST_CASE("a wildcard's pattern gives its language, though it is not among the query's terms") {
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_WILDCARD, "مفاوض")) == QueryLanguage::arabic);
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_WILDCARD, "negotiat")) == QueryLanguage::latin);
    CHECK(query_language(Xapian::Query(Xapian::Query::OP_WILDCARD, "Sgaz")) == QueryLanguage::latin);
}
