#include <doctest/doctest.h>

#include "analyzer.h"

TEST_CASE("the analysis chain runs ICU, Arabic normalization and script split in order") {
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize("وَقْفُ إطلاق النار ٣٠ يوماً") == "وقف اطلاق النار 30 يوما");
    CHECK(analyzer.normalize("ﻛﻴﻴﻒKyiv") == "كييف kyiv");
    CHECK(analyzer.normalize("Erdoğan أردوغان") == "erdogan اردوغان");
}

TEST_CASE("normalize_query keeps Xapian operators upper case and normalizes the words") {
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize_query("Putin AND Zelensky") == "putin AND zelensky");
    CHECK(analyzer.normalize_query("truce NOT Nuclear") == "truce NOT nuclear");
    CHECK(analyzer.normalize_query("a NEAR/5 b ADJ c XOR d OR e") == "a NEAR/5 b ADJ c XOR d OR e");
    CHECK(analyzer.normalize_query("\"وَقْفُ إطلاق\" أوكرانيا") == "\"وقف اطلاق\" اوكرانيا");
}

TEST_CASE("normalize_query keeps an operator with parentheses against it upper case, as Xapian reads it") {
    // "(NOT" became "(not", a stop word: wheat AND (NOT grain) searched wheat AND grain.
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize_query("Wheat AND (NOT Grain)") == "wheat AND (NOT grain)");
    CHECK(analyzer.normalize_query("(Grain AND) Wheat") == "(grain AND) wheat");
    CHECK(analyzer.normalize_query("((NEAR/3 b))") == "((NEAR/3 b))");
    CHECK(analyzer.normalize_query("(Nothing) (Andes)") == "(nothing) (andes)");
    // In a query all in capitals they are words, parentheses or not.
    CHECK(analyzer.normalize_query("WHEAT (NOT GRAIN)") == "wheat (not grain)");
}

TEST_CASE("a query written all in capitals (a wire headline) has no operators: AND, OR, NOT are its words") {
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize_query("U.S. WILL NOT CUT RATES") == "us will not cut rates");
    CHECK(analyzer.normalize_query("D AND P LIFTS RATING") == "d and p lifts rating");
    CHECK(analyzer.normalize_query("FORD OUTPUT PLANS -REPORT") == "ford output plans report");
    CHECK(analyzer.normalize_query("+GAZA -- TRUCE") == "gaza  truce");
    // One lower-case letter, or no Latin word at all, and the operators are operators.
    CHECK(analyzer.normalize_query("NATO AND Russia") == "nato AND russia");
    CHECK(analyzer.normalize_query("+truce -Nuclear") == "+truce -nuclear");
    CHECK(analyzer.normalize_query("غزة AND هدنة") == "غزه AND هدنه");
    CHECK(analyzer.normalize_query("غزة NOT NATO") == "غزه NOT nato");
    // A lower-case letter of another script counts too; NEAR/N and ADJ/N stay operators.
    CHECK(analyzer.normalize_query("ПУТИН AND путин") == "путин AND путин");
    CHECK(analyzer.normalize_query("IRAN NEAR/3 IRAQ") == "iran NEAR/3 iraq");
    CHECK(analyzer.normalize_query("IRAN NEAR IRAQ") == "iran near iraq");
}

TEST_CASE("normalize_query leaves literal fields as written") {
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize_query("id:En/Riyadh.txt Talks", {"id"}) == "id:En/Riyadh.txt talks");
    CHECK(analyzer.normalize_query("title:Talks", {"id"}) == "title:talks");
}

TEST_CASE("is_query_operator accepts only Xapian's operator words") {
    CHECK(naba::is_query_operator("AND"));
    CHECK(naba::is_query_operator("NEAR/3"));
    CHECK(naba::is_query_operator("ADJ"));
    CHECK_FALSE(naba::is_query_operator("and"));
    CHECK_FALSE(naba::is_query_operator("NEAR/"));
    CHECK_FALSE(naba::is_query_operator("NEARBY"));
}

TEST_CASE("the stem key a query word searches is the stem key of the indexed spelling variants") {
    naba::Analyzer analyzer;
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    analyzer.configure(generator);
    generator.set_document(doc);
    generator.index_text(analyzer.normalize("وبالمفاوضات الهـدنة في أوكرانيا"));

    Xapian::QueryParser parser;
    analyzer.configure(parser);
    for (const char* query : {"المفاوضات", "هدنة", "اوكرانيا"}) {
        CAPTURE(query);
        Xapian::Query q = parser.parse_query(analyzer.normalize_query(query));
        // The indexer lists each indexed word under its stem key (the synonym table);
        // QueryParser searches the query word's "Z" + stem under that key.
        bool found = false;
        for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
            for (auto d = doc.termlist_begin(); d != doc.termlist_end(); ++d) found |= (*t == analyzer.stem_key(*d));
        CHECK(found);
    }
}

TEST_CASE("name-key terms join spellings of long Arabic names and skip short and stop words") {
    naba::Analyzer analyzer;
    const std::string key = analyzer.name_key_term(analyzer.normalize("الروديوفيت"));
    CHECK(key.starts_with("XK"));
    CHECK(key == analyzer.name_key_term(analyzer.normalize("رودوفيت")));
    CHECK(key == analyzer.name_key_term(analyzer.normalize("رودوفيط")));  // ت/ط sound alike
    CHECK(analyzer.name_key_term(analyzer.normalize("سيتا")).empty());       // 3 consonants
    CHECK(analyzer.name_key_term(analyzer.normalize("كتاب")).empty());       // short stem
    CHECK(analyzer.name_key_term(analyzer.normalize("والتي")).empty());      // stop word
}

TEST_CASE("Latin name-key terms join transliterations of a name and skip short and stop words") {
    naba::Analyzer analyzer;
    const std::string key = analyzer.name_key_term(analyzer.normalize("Zelensky"));
    CHECK(key.starts_with("XK"));
    for (const char* spelling : {"Zelenskyy", "Zelenskiy", "Zelinski", "Zellinski", "ZELENSKY"})
        CHECK(key == analyzer.name_key_term(analyzer.normalize(spelling)));
    CHECK(key != analyzer.name_key_term(analyzer.normalize("رئيس زيلينسكي")));   // one word only
    CHECK(key != analyzer.name_key_term(analyzer.normalize("زيلينسكي")));      // scripts apart
    CHECK(analyzer.name_key_term(analyzer.normalize("Lavrov")) == analyzer.name_key_term("lavrof"));
    CHECK(analyzer.name_key_term("kadyrov") == analyzer.name_key_term("qadyrov"));
    CHECK(analyzer.name_key_term("zelenska") != key);                       // ends otherwise
    CHECK(analyzer.name_key_term("israeli") != analyzer.name_key_term("israel"));
    CHECK(analyzer.name_key_term("zarif") != analyzer.name_key_term("sharif"));  // starts otherwise
    CHECK(analyzer.name_key_term("qadhafi") == analyzer.name_key_term("khadafy"));
    // Consonants alone would join these (G D F): the vowels keep them apart.
    CHECK(analyzer.name_key_term("gaddafi") != analyzer.name_key_term("gateway"));
    CHECK(analyzer.name_key_term("gaddafi") != analyzer.name_key_term("goodway"));
    CHECK(analyzer.name_key_term("kyiv").empty());    // 5 letters are needed
    CHECK(analyzer.name_key_term("aiea ou").empty()); // not one word
    CHECK(analyzer.name_key_term("obama").empty());   // 2 consonants
    CHECK(analyzer.name_key_term("which").empty());   // stop word
}

TEST_CASE("n-gram terms are the 4-letter runs of long Arabic stems, none for short stems or Latin") {
    naba::Analyzer analyzer;
    const std::string stem = analyzer.stemmer()(analyzer.normalize("والمفاوضات"));  // مفاوض
    CHECK(analyzer.ngram_terms(stem) == std::vector<std::string>{"XCمفاو", "XCفاوض"});
    // A derived form shares n-grams with it though their stems differ.
    const std::string other = analyzer.stemmer()(analyzer.normalize("التفاوض"));  // تفاوض
    CHECK(other != stem);
    CHECK(analyzer.ngram_terms(other) == std::vector<std::string>{"XCتفاو", "XCفاوض"});
    CHECK(analyzer.ngram_terms("كتاب").empty());  // 4 letters: the stem itself
    CHECK(analyzer.ngram_terms("negotiation").empty());
}
