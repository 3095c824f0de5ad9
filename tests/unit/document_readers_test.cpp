#include <doctest/doctest.h>

#include <vector>

#include "document_readers.h"

using namespace naba::indexer;
using naba::schema::StoredDocument;

namespace {

struct Collected {
    std::vector<StoredDocument> docs;
    std::vector<ReadProblem> problems;
    ProblemSink problem_sink() {
        return [this](const ReadProblem& p) { problems.push_back(p); };
    }
};

}  // namespace

TEST_CASE("a text file's header block sets title, date, source, url and lang") {
    Collected c;
    StoredDocument d = parse_text_document(
        "Title: Talks resume\nDate: 2025-03-18\nSource: Naba Desk\nURL: https://x/y\nLang: EN\n\nBody line.\n",
        "a.txt", "/c/a.txt", c.problem_sink());
    CHECK(d.id == "a.txt");
    CHECK(d.title == "Talks resume");
    CHECK(d.date == "2025-03-18");
    CHECK(d.source == "Naba Desk");
    CHECK(d.url == "https://x/y");
    CHECK(d.lang == "en");
    CHECK(d.text == "Body line.\n");
    CHECK(c.problems.empty());
}

TEST_CASE("without a Title header the first non-empty line is the title") {
    Collected c;
    StoredDocument d = parse_text_document("\n\n  وقف إطلاق النار  \nالنص\n", "b.txt", "/b.txt", c.problem_sink());
    CHECK(d.title == "وقف إطلاق النار");
    CHECK(d.text.find("النص") != std::string::npos);
}

TEST_CASE("a first line that only looks like a header stays in the body") {
    Collected c;
    StoredDocument d = parse_text_document("Update: talks resume in Riyadh\nMore text.\n", "c.txt", "/c.txt", c.problem_sink());
    CHECK(d.title == "Update: talks resume in Riyadh");
    CHECK(d.text.starts_with("Update:"));
}

TEST_CASE("a header block with a Title that ends with the file (no blank line, no body) is a headline") {
    Collected c;
    for (const char* bytes : {"Title: Talks resume\nDate: 2025-03-18\n", "Title: Talks resume\r\nDate: 2025-03-18"}) {
        const std::string text = bytes;
        CAPTURE(text);
        StoredDocument d = parse_text_document(text, "h.txt", "/h.txt", c.problem_sink());
        CHECK(d.title == "Talks resume");
        CHECK(d.date == "2025-03-18");
        CHECK(d.text.empty());
    }
    CHECK(c.problems.empty());
    // Without a Title nothing would be left to search: such lines stay the text.
    StoredDocument source_only = parse_text_document("Source: Reuters reports talks\n", "s.txt", "/s.txt",
                                                     c.problem_sink());
    CHECK(source_only.title == "Source: Reuters reports talks");
    CHECK(source_only.source.empty());
}

TEST_CASE("a bad Date header is reported and the document kept without a date") {
    Collected c;
    StoredDocument d = parse_text_document("Title: T\nDate: March 18\n\nBody\n", "d.txt", "/d.txt", c.problem_sink());
    CHECK(d.date.empty());
    CHECK(d.text == "Body\n");
    REQUIRE(c.problems.size() == 1);
    CHECK_FALSE(c.problems[0].skipped);
}

TEST_CASE("headers with CRLF line ends and a byte order mark are read") {
    Collected c;
    StoredDocument d = parse_text_document("\xEF\xBB\xBFTitle: T\r\nLang: ar\r\n\r\nBody\r\n", "e.txt", "/e.txt", c.problem_sink());
    CHECK(d.title == "T");
    CHECK(d.lang == "ar");
}

TEST_CASE("a text file with CR-only line ends (old Mac) has its header read and its first line as title") {
    Collected c;
    StoredDocument d = parse_text_document("Source: Wire\r\rTalks resume\rin Riyadh\r", "m.txt", "/m.txt", c.problem_sink());
    CHECK(d.source == "Wire");
    CHECK(d.title == "Talks resume");
    CHECK(d.text == "Talks resume\rin Riyadh\r");
    StoredDocument plain = parse_text_document("Talks resume\rin Riyadh\r", "p.txt", "/p.txt", c.problem_sink());
    CHECK(plain.title == "Talks resume");
}

TEST_CASE("JSONL lines become documents with their own ids") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"a\",\"text\":\"one\",\"title\":\"T\",\"date\":\"2025-01-02\",\"lang\":\"en\",\"extra\":[1]}\n"
        "\n"
        "{\"id\":42,\"text\":\"two\"}\n",
        "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 2);
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].id == "a");
    CHECK(c.docs[0].title == "T");
    CHECK(c.docs[0].date == "2025-01-02");
    CHECK(c.docs[0].line == 1);
    CHECK(c.docs[1].id == "42");
    CHECK(c.docs[1].line == 3);
    CHECK(c.problems.empty());
}

TEST_CASE("a JSONL number id is its value in one canonical text, and a token that is no number is skipped") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":1.0,\"text\":\"a\"}\n{\"id\":-25e-1,\"text\":\"b\"}\n{\"id\":1.2.3,\"text\":\"c\"}\n", "/c.jsonl",
        [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 2);
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].id == "1");
    CHECK(c.docs[1].id == "-2.5");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 3);
    CHECK(c.problems[0].message.starts_with("\"id\" 1.2.3 is not a number naba-index can use"));
}

TEST_CASE("malformed JSONL lines are reported with their line number and skipped") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"a\",\"text\":\"ok\"}\n"
        "{broken\n"
        "{\"text\":\"no id\"}\n"
        "{\"id\":\"b\"}\n"
        "[1,2]\n"
        "{\"id\":\"c\",\"text\":\"ok\"} trailing\n"
        "{\"id\":\"d\",\"text\":\"last\"}",
        "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 2);
    REQUIRE(c.problems.size() == 5);
    CHECK(c.problems[0].line == 2);
    CHECK(c.problems[1].message.find("no \"id\"") != std::string::npos);
    CHECK(c.problems[2].message.find("no \"text\"") != std::string::npos);
    CHECK(c.problems[3].message.find("not a JSON object") != std::string::npos);
    CHECK(c.problems[4].line == 6);
    for (const auto& p : c.problems) CHECK(p.skipped);
    CHECK(c.docs.back().id == "d");
}

TEST_CASE("text or a second object after a JSONL line's object is reported as such, with where it starts") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"a\",\"text\":\"x\"} junk\n"
        "{\"id\":\"b\",\"text\":\"y\"}{\"id\":\"c\",\"text\":\"z\"}\n"
        "{\"id\":\"d\",\"text\":\"a } in text\"} ,\n"
        "{\"text\":\"no id\"} 5\n"
        "{\"id\":\"e\",\"text\":\"cut\"\n"
        "{\"id\":\"f\",\"text\":\"ok\"}  \r\n",
        "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 1);
    REQUIRE(c.problems.size() == 5);
    CHECK(c.problems[0].line == 1);
    CHECK(c.problems[0].message == "text after the JSON object at byte 23 of the line ('junk'); line skipped");
    CHECK(c.problems[1].message ==
          "a second JSON object after the first at byte 22 of the line (one object per line); line skipped");
    CHECK(c.problems[2].message == "text after the JSON object at byte 33 of the line (','); line skipped");
    CHECK(c.problems[3].message ==
          "no \"id\" field, and text after the JSON object at byte 18 of the line ('5'); line skipped");
    CHECK(c.problems[4].message.find("ended early") != std::string::npos);  // a line cut short is just that
    for (const auto& p : c.problems) CHECK(p.skipped);
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].id == "f");
}

TEST_CASE("invalid UTF-8 in a JSONL line is repaired and reported, not dropped") {
    Collected c;
    parse_jsonl("{\"id\":\"a\",\"text\":\"bad \xFF byte\"}\n", "/c.jsonl",
                [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].text == "bad \xEF\xBF\xBD byte");
    REQUIRE(c.problems.size() == 1);
    CHECK_FALSE(c.problems[0].skipped);
}

TEST_CASE("a JSONL file's byte order mark, CRLF line ends and a last line without newline are read") {
    Collected c;
    long n = parse_jsonl("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"one\"}\r\n{\"id\":2,\"text\":\"two\"}\r\n{\"id\":\"c\",\"text\":\"3\"}",
                         "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 3);
    REQUIRE(c.docs.size() == 3);
    CHECK(c.docs[0].id == "a");
    CHECK(c.docs[1].id == "2");
    CHECK(c.docs[2].text == "3");
    CHECK(c.problems.empty());
}

TEST_CASE("a lone UTF-16 surrogate escape in a JSONL string is repaired to U+FFFD and reported") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"a\",\"text\":\"cut \\ud83d\",\"title\":\"x\\uDC00y\"}\n"
        "{\"id\":\"b\",\"text\":\"pair \\ud83d\\ude00 and \\\\ud800 as text\"}\n",
        "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 2);
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].text == "cut \xEF\xBF\xBD");
    CHECK(c.docs[0].title == "x\xEF\xBF\xBDy");
    CHECK(c.docs[1].text == "pair \xF0\x9F\x98\x80 and \\ud800 as text");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 1);
    CHECK_FALSE(c.problems[0].skipped);
    CHECK(c.problems[0].message.find("surrogate") != std::string::npos);
}

TEST_CASE("a JSONL line with a NUL byte is skipped and reported with its line number") {
    Collected c;
    const char bytes[] = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"t\0wo\"}\n{\"id\":\"c\",\"text\":\"3\"}\n";
    long n = parse_jsonl(std::string(bytes, sizeof bytes - 1),
                         "/c.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 2);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 2);
    CHECK(c.problems[0].skipped);
    CHECK(c.problems[0].message.find("NUL") != std::string::npos);
}

TEST_CASE("a JSONL id with a tab or line break is reported and skipped: ids are printed one per line") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"a\\nb\",\"text\":\"x\"}\n"
        "{\"id\":\"c\\td\",\"text\":\"x\"}\n"
        "{\"id\":\"e f\",\"text\":\"spaces are fine\"}\n",
        "/ids.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 1);
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].line == 1);
    CHECK(c.problems[1].line == 2);
    CHECK(c.problems[0].message.find("control character") != std::string::npos);
    CHECK(c.problems[0].skipped);
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].id == "e f");
}

TEST_CASE("a JSONL optional field holding an object, array or boolean is reported, not dropped silently") {
    // News APIs give "source": {"name": ...} and scrapers "title": [...]; null is simply no value.
    Collected c;
    std::vector<StoredDocument> docs;
    parse_jsonl("{\"id\":\"a\",\"text\":\"t\",\"source\":{\"name\":\"Reuters\"},\"title\":[\"Talks\"],"
                "\"date\":true,\"url\":null,\"lang\":\"en\"}\n",
                "f.jsonl", [&](StoredDocument&& d) { docs.push_back(std::move(d)); }, c.problem_sink());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].source.empty());
    CHECK(docs[0].title.empty());
    CHECK(docs[0].lang == "en");
    REQUIRE(c.problems.size() == 3);
    CHECK(c.problems[0].message == "\"source\" is an object, not a string or number; stored without it");
    CHECK(c.problems[1].message == "\"title\" is an array, not a string or number; stored without it");
    CHECK(c.problems[2].message == "\"date\" is a boolean, not a string or number; stored without it");
    for (const ReadProblem& p : c.problems) {
        CHECK(p.line == 1);
        CHECK_FALSE(p.skipped);
    }
}

TEST_CASE("a JSONL key naba-index reads given twice in one object is reported, and the last one is used") {
    Collected c;
    std::vector<StoredDocument> docs;
    parse_jsonl("{\"id\":\"a\",\"text\":\"first\",\"text\":\"second\",\"x\":1,\"x\":2}\n"
                "{\"id\":\"b\",\"id\":\"c\",\"text\":\"t\"}\n",
                "f.jsonl", [&](StoredDocument&& d) { docs.push_back(std::move(d)); }, c.problem_sink());
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].text == "second");
    CHECK(docs[1].id == "c");
    REQUIRE(c.problems.size() == 2);  // "x" is not read: its repeat does not matter
    CHECK(c.problems[0].message == "\"text\" appears more than once; the last one is used");
    CHECK(c.problems[0].line == 1);
    CHECK(c.problems[1].message == "\"id\" appears more than once; the last one is used");
    CHECK(c.problems[1].line == 2);
    CHECK_FALSE(c.problems[1].skipped);
}

TEST_CASE("a JSONL id of white space alone is reported and skipped: it would print as an empty line") {
    Collected c;
    long n = parse_jsonl(
        "{\"id\":\"   \",\"text\":\"x\"}\n"
        "{\"id\":\"\\u3000\\u00a0\",\"text\":\"x\"}\n"
        "{\"id\":\" a \",\"text\":\"spaces around a visible id are kept\"}\n",
        "/blank-ids.jsonl", [&](StoredDocument&& d) { c.docs.push_back(d); }, c.problem_sink());
    CHECK(n == 1);
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].line == 1);
    CHECK(c.problems[1].line == 2);
    CHECK(c.problems[0].message.find("only white space") != std::string::npos);
    CHECK(c.problems[0].skipped);
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].id == " a ");
}
