#include <doctest/doctest.h>

#include <xapian.h>

#include "date.h"
#include "schema.h"

using namespace naba;

TEST_CASE("id_term keeps ordinary ids verbatim behind the Q prefix") {
    CHECK(schema::id_term("en/riyadh.txt") == "Qen/riyadh.txt");
}

TEST_CASE("id_term hashes ids too long for a Xapian term instead of cutting them") {
    std::string long_a(300, 'a'), long_b = long_a + "b";
    std::string term = schema::id_term(long_a);
    CHECK(term.size() < 245);
    CHECK(term.starts_with("Q#"));
    CHECK(term != schema::id_term(long_b));
    CHECK(term == schema::id_term(long_a));
}

TEST_CASE("bounded_term counts the prefix, so long keys with long prefixes still fit Xapian") {
    std::string path(235, 'p');
    std::string key = schema::bounded_term("naba:jsonl:", path);
    CHECK(key.size() <= 245);
    CHECK(key.starts_with("naba:jsonl:#"));
    CHECK(schema::bounded_term("XR", "/short/path") == "XR/short/path");
}

TEST_CASE("the stored record round-trips every field") {
    schema::StoredDocument doc{"id-1", "/c/a.jsonl", 7, "عنوان", "2025-03-18", "ar", "Naba", "https://x", "نص\n\"quoted\"", {}};
    schema::StoredDocument back = schema::deserialize(schema::serialize(doc));
    CHECK(back.id == doc.id);
    CHECK(back.path == doc.path);
    CHECK(back.line == 7);
    CHECK(back.title == doc.title);
    CHECK(back.date == doc.date);
    CHECK(back.lang == doc.lang);
    CHECK(back.source == doc.source);
    CHECK(back.url == doc.url);
    CHECK(back.text == doc.text);
}

TEST_CASE("the stored record round-trips the entity list, and version 1 records read as having none") {
    schema::StoredDocument doc;
    doc.id = "x";
    doc.entities = {{"person", "p:volodymyr-zelensky", "Volodymyr Zelensky"}, {"place", "l:kyiv", "Kyiv"}};
    CHECK(schema::deserialize(schema::serialize(doc)).entities == doc.entities);
    CHECK(schema::deserialize(R"({"v":1,"id":"old","text":"t"})").entities.empty());
}

TEST_CASE("entities_value lists one type and id per line, and every type has its own prefix") {
    CHECK(schema::entities_value({{"person", "p:a", "A"}, {"org", "o:b", "B"}}) == "person\tp:a\norg\to:b\n");
    CHECK(schema::entity_prefix("person") != schema::entity_prefix("place"));
    CHECK(schema::entity_prefix("org") != schema::entity_prefix("unknown"));
    CHECK_THROWS_AS(schema::entity_prefix("city"), std::invalid_argument);
}

TEST_CASE("the stored record round-trips a negative line, empty fields and bytes JSON would escape") {
    schema::StoredDocument doc;
    doc.id = "x";
    doc.line = -1;
    doc.text = std::string("a\0b\x01\"\\\n", 8) + std::string(100000, 'z');
    schema::StoredDocument back = schema::deserialize(schema::serialize(doc));
    CHECK(back.line == -1);
    CHECK(back.text == doc.text);
    CHECK(back.title.empty());
    CHECK(back.entities.empty());
}

TEST_CASE("the stored record is binary and no longer JSON") {
    schema::StoredDocument doc;
    doc.id = "id-1";
    doc.text = "body";
    const std::string data = schema::serialize(doc);
    CHECK(data.starts_with(std::string("\0N\x03", 3)));
    CHECK(data.size() < 32);  // no field names
}

TEST_CASE("records of an index written before (JSON, versions 1 and 2) are still read") {
    schema::StoredDocument old = schema::deserialize(
        R"({"v":2,"id":"a","path":"/p","line":3,"title":"T","date":"2025-01-02","lang":"en","source":"S",)"
        R"("url":"u","text":"body","entities":[{"type":"place","id":"l:kyiv","name":"Kyiv"}]})");
    CHECK(old.id == "a");
    CHECK(old.line == 3);
    CHECK(old.text == "body");
    REQUIRE(old.entities.size() == 1);
    CHECK(old.entities[0].name == "Kyiv");
}

TEST_CASE("the stored record replaces invalid UTF-8 with U+FFFD, as the JSON record did") {
    schema::StoredDocument doc;
    doc.id = "x";
    doc.path = "/data/caf\xE9.txt";  // a Latin-1 file name
    doc.text = "ok \xFF end";
    schema::StoredDocument back = schema::deserialize(schema::serialize(doc));
    CHECK(back.path == "/data/caf\xEF\xBF\xBD.txt");
    CHECK(back.text == "ok \xEF\xBF\xBD end");
}

TEST_CASE("deserialize rejects data that is not a Naba record") {
    CHECK_THROWS_AS(schema::deserialize("not json"), std::runtime_error);
    CHECK_THROWS_AS(schema::deserialize("[1,2]"), std::runtime_error);
    CHECK_THROWS_AS(schema::deserialize(""), std::runtime_error);
    schema::StoredDocument doc;
    doc.id = "id-1";
    doc.text = "some body text";
    const std::string data = schema::serialize(doc);
    for (std::size_t cut = 0; cut < data.size(); ++cut)  // every truncation
        CHECK_THROWS_AS(schema::deserialize(data.substr(0, cut)), std::runtime_error);
    CHECK_THROWS_AS(schema::deserialize(data + "x"), std::runtime_error);
    std::string huge_length = data.substr(0, 3) + std::string(9, '\xff') + "\x01";
    CHECK_THROWS_AS(schema::deserialize(huge_length), std::runtime_error);
}

TEST_CASE("a record of a version this build does not know says the index is newer") {
    std::string data = schema::serialize(schema::StoredDocument{});
    data[2] = 9;
    CHECK_THROWS_WITH_AS(schema::deserialize(data), doctest::Contains("newer"), std::runtime_error);
}

TEST_CASE("JSON with fields of other types (another tool's data) is not a Naba record nor a Naba index") {
    // nlohmann's type_error is no runtime_error: it escaped is_naba_index and both
    // programs printed "[json.exception.type_error.302] type must be string".
    for (const char* data : {R"({"id":5,"text":"hello"})", R"({"id":"a","line":"3"})",
                             R"({"id":"a","entities":[{"type":1}]})"}) {
        CAPTURE(data);
        CHECK_THROWS_WITH_AS(schema::deserialize(data), doctest::Contains("not a Naba record"), std::runtime_error);
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        Xapian::Document doc;
        doc.set_data(data);
        db.add_document(doc);
        CHECK_FALSE(schema::is_naba_index(db));
    }
}

TEST_CASE("a binary record cut short or overwritten is reported as damaged, not as another tool's") {
    schema::StoredDocument doc;
    doc.id = "id-1";
    doc.text = "some body text";
    const std::string data = schema::serialize(doc);
    std::string older_version = data;
    older_version[2] = 2;  // versions 1 and 2 were JSON, never binary
    for (const std::string& bad : {data.substr(0, data.size() - 3), data.substr(0, 3) + "\xff\xff\xff garbage",
                                   data.substr(0, 2), older_version}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(schema::deserialize(bad), doctest::Contains("damaged"), std::runtime_error);
    }
}

TEST_CASE("parse_iso_date accepts ISO 8601 dates and rejects the rest") {
    CHECK(parse_iso_date("2025-03-18") == "2025-03-18");
    CHECK(parse_iso_date(" 2025-03-18T10:00:00Z ") == "2025-03-18");
    CHECK(parse_iso_date("20250318") == "2025-03-18");
    CHECK(parse_iso_date("2024-02-29") == "2024-02-29");
    CHECK_FALSE(parse_iso_date("2025-02-29"));
    CHECK_FALSE(parse_iso_date("2025-13-01"));
    CHECK_FALSE(parse_iso_date("18/03/2025"));
    CHECK_FALSE(parse_iso_date("2025-03-18x"));
    CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("parse_record_date takes a month or a year alone as its first day, and what parse_iso_date takes") {
    CHECK(parse_record_date("2025-03") == "2025-03-01");
    CHECK(parse_record_date(" 2025 ") == "2025-01-01");
    CHECK(parse_record_date("2025-03-18T10:00:00Z") == "2025-03-18");
    CHECK(parse_record_date("20250318") == "2025-03-18");
    CHECK_FALSE(parse_record_date("2025-13"));
    CHECK_FALSE(parse_record_date("2025-3"));
    CHECK_FALSE(parse_record_date("202503"));
    CHECK_FALSE(parse_record_date("25"));
    CHECK_FALSE(parse_record_date("2025-03x"));
    // Query dates are parse_iso_date's, which still wants a day: the searcher reads a
    // month or year itself, as a range.
    CHECK_FALSE(parse_iso_date("2025-03"));
    CHECK_FALSE(parse_iso_date("2025"));
}

TEST_CASE("date_sort_key orders like the dates") {
    CHECK(date_sort_key("2025-03-18") == "20250318");
    CHECK(date_sort_key("2024-12-31") < date_sort_key("2025-01-01"));
}

TEST_CASE("is_word_term tells indexed words from prefixed terms, in any script") {
    CHECK(naba::schema::is_word_term("ceasefire"));
    CHECK(naba::schema::is_word_term("هدنة"));
    CHECK(naba::schema::is_word_term("2024"));
    CHECK_FALSE(naba::schema::is_word_term(""));
    CHECK_FALSE(naba::schema::is_word_term("Qid-1"));
    CHECK_FALSE(naba::schema::is_word_term("Sceasefire"));
    CHECK_FALSE(naba::schema::is_word_term("Zceasefir"));
    CHECK_FALSE(naba::schema::is_word_term("XPp:volodymyr-zelensky"));
}

TEST_CASE("id_term_of finds a document's id term among its other terms, and nothing when it has none") {
    Xapian::Document doc;
    doc.add_term("ceasefire");
    doc.add_term("Sceasefire");
    doc.add_boolean_term("Lar");
    CHECK(schema::id_term_of(doc).empty());
    doc.add_boolean_term(schema::id_term("news-1"));
    CHECK(schema::id_term_of(doc) == "Qnews-1");
}
