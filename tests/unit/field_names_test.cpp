// Which names before a colon naba-search takes for a field (searcher/field_names): a
// misspelt field is an error that suggests the closest one, and a colon in ordinary
// text (a URL, a time, Arabic, a word inside quotes) is still text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "field_names.h"

using namespace naba::searcher;

namespace {

const std::vector<std::string> kFields = {"title", "lang", "source", "id", "date", "person", "place", "org", "entity"};

std::string message(const std::string& query) {
    try {
        check_field_names(query, kFields);
    } catch (const Xapian::QueryParserError& e) {
        return e.get_msg();
    }
    return "";
}

}  // namespace

TEST_CASE("unknown_field finds a word of letters with a colon and a value at a term start") {
    CHECK(unknown_field("titel:grain", kFields) == "titel:");
    CHECK(unknown_field("grain sorce:reuters", kFields) == "sorce:");
    CHECK(unknown_field("(persn:zelensky OR talks)", kFields) == "persn:");
    CHECK(unknown_field("grain -titel:\"black sea\"", kFields) == "titel:");
    CHECK(unknown_field("+Titel:grain", kFields) == "Titel:");  // capitalised, but a near miss of title
    CHECK(unknown_field("Breaking:Trump titel:grain", kFields) == "titel:");
    CHECK(unknown_field("title:grain lang:en", kFields) == "");
    CHECK(unknown_field("Title:grain", kFields) == "");  // a known field in any case
}

TEST_CASE("unknown_field leaves a colon in ordinary text alone") {
    for (const char* text : {"http://example.com/a", "ceasefire 10:30", "غزة:هدنة", "\"titel:grain\"",
                             "id:a:b", "id:\"x titel:y\"", "note: grain", "TITEL:GRAIN", "UPDATE:ceasefire",
                             "grain:", "covid19:x", "path:/usr/local", "talks titel: grain", "Zelensky:peace talks",
                             "Breaking:Trump says", "Hamlet:Prince"}) {
        CAPTURE(text);
        CHECK(unknown_field(text, kFields) == "");
    }
}

TEST_CASE("closest_field suggests a field within two edits, a swap of letters one") {
    CHECK(closest_field("titel", kFields) == "title");
    CHECK(closest_field("sorce", kFields) == "source");
    CHECK(closest_field("persn", kFields) == "person");
    CHECK(closest_field("Langs", kFields) == "lang");
    CHECK(closest_field("author", kFields) == "");
    CHECK(closest_field("xy", kFields) == "");  // two edits from id: all of it
}

TEST_CASE("check_field_names names the unknown field, the closest one and every field") {
    const std::string m = message("grain titel:odesa");
    CHECK(m.find("there is no field 'titel:' (did you mean title:?)") != std::string::npos);
    CHECK(m.find("title: lang: source: id: date: person: place: org: entity:") != std::string::npos);
    CHECK(m.find("double quotes") != std::string::npos);
    CHECK(message("author:smith").find("(did you mean") == std::string::npos);
    CHECK(message("title: grain").find("'title:' has nothing right after the colon") != std::string::npos);
    CHECK(message("title:grain http://x 10:30") == "");
    // A name of 100,000 letters is quoted in part, and no edit distance is measured on it.
    CHECK(message(std::string(100000, 'a') + ":grain").size() < 1000);
}
