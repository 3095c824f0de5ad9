#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "analyzer.h"
#include "text/stop_words.h"

TEST_CASE("stop words cover English function and question words") {
    naba::Analyzer analyzer;
    for (const char* w : {"the", "of", "and", "what", "when", "which", "who"}) {
        CAPTURE(w);
        CHECK(analyzer.is_stop_word(w));
    }
    CHECK_FALSE(analyzer.is_stop_word("ceasefire"));
    CHECK_FALSE(analyzer.is_stop_word("said"));
}

TEST_CASE("us and may are searchable words: the country US (and U.S.) and the month") {
    naba::Analyzer analyzer;
    CHECK_FALSE(analyzer.is_stop_word("us"));
    CHECK_FALSE(analyzer.is_stop_word("may"));
    CHECK_FALSE(analyzer.is_stop_word(analyzer.normalize("U.S.")));
}

TEST_CASE("stop words are stored normalized, so hamza and alef variants match") {
    naba::Analyzer analyzer;
    CHECK(analyzer.is_stop_word(analyzer.normalize("إلى")));
    CHECK(analyzer.is_stop_word(analyzer.normalize("الى")));
    CHECK(analyzer.is_stop_word(analyzer.normalize("أنّ")));
    CHECK(analyzer.is_stop_word(analyzer.normalize("على")));
    CHECK(analyzer.is_stop_word(analyzer.normalize("وفي")));
    CHECK_FALSE(analyzer.is_stop_word(analyzer.normalize("الهدنة")));
}

TEST_CASE("the stop word list has no duplicates and only normalized entries") {
    naba::Analyzer analyzer;
    const auto& words = naba::text::stop_words();
    std::set<std::string> unique(words.begin(), words.end());
    CHECK(unique.size() == words.size());
    for (const auto& w : words) {
        CAPTURE(w);
        CHECK(analyzer.normalize(w) == w);
    }
}

TEST_CASE("an Arabic stop word with a conjunction or preposition written onto it is a stop word") {
    naba::Analyzer analyzer;
    for (const char* w : {"والتي", "والذي", "فهذا", "لهذه", "بذلك", "وبهذا"}) {
        CAPTURE(w);
        CHECK(analyzer.is_stop_word(analyzer.normalize(w)));
    }
    // Content words that start with such a letter stay: the rest must be a listed word.
    for (const char* w : {"فهم", "وزير", "لبنان", "بيروت", "كتاب"}) {
        CAPTURE(w);
        CHECK_FALSE(analyzer.is_stop_word(analyzer.normalize(w)));
    }
}

TEST_CASE("a proclitic or the article standing alone is a stop word, a letter that is a word is not") {
    naba::Analyzer analyzer;
    for (const char* w : {"و", "ف", "ب", "ل", "ك", "ال", "لل"}) {
        CAPTURE(w);
        CHECK(analyzer.is_stop_word(analyzer.normalize(w)));
    }
    for (const char* w : {"م", "هـ", "ق"}) {  // 2015م (AD), 1446هـ (Hijri)
        CAPTURE(w);
        CHECK_FALSE(analyzer.is_stop_word(analyzer.normalize(w)));
    }
}

TEST_CASE("a query ending in a question mark or starting with a question word is a question") {
    using naba::text::is_question;
    for (const char* q : {"كم نقطة سجل الفريق؟", "كم نقطة سجل الفريق ؟ ", "who won the final?", "متى وقعت الهدنة",
                          "ما هي عاصمة اليمن", "أين يقع الميناء", "اين يقع الميناء", "Where is the port", "هل انتهت الحرب", "من هو رئيس الوزراء؟"}) {
        CAPTURE(q);
        CHECK(is_question(q));
    }
    // Headlines and keyword queries: a question word inside is not enough.
    for (const char* q : {"وقف إطلاق النار في غزة", "grain corridor", "talks on what comes next", "", "   ",
                          "مفاوضات ما بعد الحرب", "من غزة إلى القدس"}) {
        CAPTURE(q);
        CHECK_FALSE(is_question(q));
    }
}
