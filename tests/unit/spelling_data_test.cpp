#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "spelling_data.h"

namespace {

std::map<std::string, Xapian::termcount> spellings(const Xapian::Database& db) {
    std::map<std::string, Xapian::termcount> out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out[*s] = s.get_termfreq();
    return out;
}

Xapian::Document doc_with(std::initializer_list<const char*> terms) {
    Xapian::Document d;
    for (const char* t : terms) d.add_term(t);
    return d;
}

}  // namespace

TEST_CASE("spelling data holds each indexed word with its document frequency, and no stop words or prefixed terms") {
    naba::Analyzer analyzer;
    auto dir = std::filesystem::temp_directory_path() / ("naba-spelling-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    db.add_document(doc_with({"sunflower", "the", "Zsunflow", "Qid1", "2025", "هدنه"}));
    db.add_document(doc_with({"sunflower", "grain"}));

    naba::indexer::refresh_spelling(db, analyzer);
    auto first = spellings(db);
    CHECK(first == std::map<std::string, Xapian::termcount>{{"grain", 1}, {"sunflower", 2}, {"هدنه", 1}});

    SUBCASE("refreshing again changes nothing (re-runs do not inflate counts)") {
        CHECK(naba::indexer::refresh_spelling(db, analyzer).changed == 0);
        CHECK(spellings(db) == first);
    }
    SUBCASE("words of deleted documents go away") {
        db.delete_document(2);
        naba::indexer::refresh_spelling(db, analyzer);
        CHECK(spellings(db) == std::map<std::string, Xapian::termcount>{{"sunflower", 1}, {"هدنه", 1}});
    }
    db.close();
    std::filesystem::remove_all(dir);
}

TEST_CASE("a refresh under a memory budget hands Xapian the changes in steps and ends as one made at once") {
    naba::Analyzer analyzer;
    const auto base = std::filesystem::temp_directory_path() / ("naba-spelling-steps-" + std::to_string(::getpid()));
    std::filesystem::remove_all(base);
    std::filesystem::create_directories(base);
    std::map<std::string, Xapian::termcount> results[2];
    for (int stepped = 0; stepped < 2; ++stepped) {
        Xapian::WritableDatabase db((base / std::to_string(stepped)).string(), Xapian::DB_CREATE);
        // 60 words over three documents, then one document gone and another added: the
        // second refresh adds, removes and recounts words on both sides of step borders.
        std::vector<std::string> words;
        for (int i = 0; i < 60; ++i) words.push_back("word" + std::string(1, static_cast<char>('a' + i % 26)) +
                                                     std::string(1, static_cast<char>('a' + i / 26)));
        for (int d = 0; d < 3; ++d) {
            Xapian::Document doc;
            for (int i = d * 10; i < 60; ++i) doc.add_term(words[i]);
            db.add_document(doc);
        }
        const std::uint64_t budget = stepped ? 2 * naba::indexer::kPendingSpellingBytesPerWord : 0;
        CHECK(naba::indexer::refresh_spelling(db, analyzer, budget).changed == 60);
        db.delete_document(1);  // words 0 - 9 go, 10 - 59 count one less but for wordab (26)
        db.add_document(doc_with({"wordab", "newword"}));
        CHECK(naba::indexer::refresh_spelling(db, analyzer, budget).changed == 10 + 49 + 1);
        results[stepped] = spellings(db);
        db.close();
    }
    CHECK(results[1] == results[0]);
    CHECK(results[0].size() == 51);
    CHECK(results[0]["wordab"] == 3);
    std::filesystem::remove_all(base);
}

TEST_CASE("a refresh in steps asked to stop returns nothing, and the next refresh finishes the table") {
    naba::Analyzer analyzer;
    auto dir = std::filesystem::temp_directory_path() / ("naba-spelling-stop-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    for (char a = 'a'; a <= 'z'; ++a) doc.add_term(std::string("word") + a);
    db.add_document(doc);
    const std::atomic<int> stop{2};  // SIGINT came
    const std::uint64_t budget = naba::indexer::kPendingSpellingBytesPerWord;  // 1 word: steps of 4
    const auto stopped = naba::indexer::refresh_spelling(db, analyzer, budget, &stop);
    CHECK(stopped.stopped);
    CHECK(stopped.steps == 0);
    CHECK(naba::indexer::describe(stopped) == "26 words to change, stopped after 0 steps of up to 4 words");
    CHECK(spellings(db).empty());
    const auto finished = naba::indexer::refresh_spelling(db, analyzer, budget);
    CHECK_FALSE(finished.stopped);
    CHECK(finished.changed == 26);
    CHECK(finished.steps == 7);  // 26 words, 4 a step (an eighth, rounded up: the budget is 1)
    CHECK(naba::indexer::describe(finished) == "26 words changed in 7 steps of up to 4 words");
    CHECK(spellings(db).size() == 26);
    // Small refreshes are made at once: no step to stop between.
    db.add_document(doc_with({"another"}));
    const auto small = naba::indexer::refresh_spelling(db, analyzer, 4 * budget, &stop);
    CHECK(small.changed == 1);
    CHECK_FALSE(small.stopped);
    CHECK(naba::indexer::describe(small) == "1 word changed at once");
    db.close();
    std::filesystem::remove_all(dir);
}

TEST_CASE("spelling steps take what the memory budget allows, and never more than eight merges") {
    using naba::indexer::kPendingSpellingBytesPerWord;
    using naba::indexer::spelling_words_per_merge;
    CHECK(spelling_words_per_merge(1000, 100 * kPendingSpellingBytesPerWord) == 125);  // an eighth
    CHECK(spelling_words_per_merge(100000, 20000 * kPendingSpellingBytesPerWord) == 20000);
    CHECK(spelling_words_per_merge(500, 20000 * kPendingSpellingBytesPerWord) == 500);  // all at once
    CHECK(spelling_words_per_merge(100000, 1) == 12500);  // a budget below one word
}
