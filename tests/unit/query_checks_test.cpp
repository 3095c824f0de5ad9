// What naba-search finds in a query's text before Xapian reads it (searcher/query_checks):
// wildcards where Xapian 1.4 does not expand them, and what a plain-words reading loses.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "query_checks.h"

using namespace naba::searcher;

TEST_CASE("quoted_wildcard finds a wildcard inside quotes, not outside them or in an id value") {
    CHECK(quoted_wildcard("\"grai* exports\"") == "grai*");
    CHECK(quoted_wildcard("title:\"grain expo*\" talks") == "expo*");
    CHECK(quoted_wildcard("\"مفاوض* السلام\"") == "مفاوض*");
    CHECK(quoted_wildcard("grai* \"grain exports\"") == "");
    CHECK(quoted_wildcard("\"grain exports\" expo*") == "");
    CHECK(quoted_wildcard("id:\"en/a*b.txt\"") == "");
    CHECK(quoted_wildcard("id:\"a\" \"b* c\"") == "b*");  // the literal ends at its quote
    CHECK(quoted_wildcard("\"a * b\"") == "");             // a '*' alone is no wildcard
}

TEST_CASE("lost_in_plain_words names a NEAR or ADJ operator first, then a wildcard, outside quotes") {
    CHECK(lost_in_plain_words("grain NEAR expo*") == "NEAR");
    CHECK(lost_in_plain_words("expo* ADJ/3 grain") == "ADJ/3");
    CHECK(lost_in_plain_words("grain* talks)") == "grain*");
    CHECK(lost_in_plain_words("(grain* OR corn) talks)") == "grain*");
    CHECK(lost_in_plain_words("grain talks)") == "");
    CHECK(lost_in_plain_words("grain near wheat") == "");  // lower case: a word
    CHECK(lost_in_plain_words("\"grain NEAR\" talks)") == "");
    CHECK(lost_in_plain_words("id:en/a*b.txt talks)") == "");
    CHECK(lost_in_plain_words("- -") == "");
}

TEST_CASE("field_before_punctuation finds a field whose value starts with what cannot start one") {
    using Found = std::pair<std::string, std::string>;
    const std::vector<std::string> free_text = {"title"}, filters = {"source"};
    CHECK(field_before_punctuation("title:'war'", free_text, filters) == Found{"title:", "'"});
    CHECK(field_before_punctuation("grain +title:«غزة»", free_text, filters) == Found{"title:", "«"});
    CHECK(field_before_punctuation("source:(reuters)", free_text, filters) == Found{"source:", "("});
    CHECK(field_before_punctuation("title:\xef\xbf\xbd", free_text, filters) == Found{"title:", "\xef\xbf\xbd"});
    // What Xapian takes as a value: a word, a phrase, a group, a path-like start.
    for (const char* query : {"title:war", "title:\"two words\"", "title:(war OR peace)", "title:/usr/war",
                              "title:-war", "source:\"al jazeera\"", "title:غزة", "title: war", "\"title:'war'\"",
                              "subtitle:'war'", "lang:'ar'"}) {
        CAPTURE(query);
        CHECK(field_before_punctuation(query, free_text, filters) == Found{});
    }
}
