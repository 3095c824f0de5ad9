// Internal switches for retrieval ablations (bench/README.md lists them), read in this
// one place from the environment variable NABA_ANALYSIS, e.g.
//   NABA_ANALYSIS="k1=1 b=0.5 arabic-stemmer=snowball" bench/eval
// Every default is what Naba ships; the switches exist so that each row of the
// ablation table in bench/RESULTS.md can be reproduced by one command. They are not
// part of the user interface (no --help entry). Index-time switches must be the same
// for naba-index and naba-search (bench/eval passes the environment to both).
#pragma once

#include <string>
#include <string_view>

namespace naba {

struct AnalysisOptions {
    // Arabic normalization (text/arabic_normalizer.h)
    bool fold_teh_marbuta = true;   // ة -> ه
    bool fold_alef_maqsura = true;  // ى -> ي
    bool fold_hamza_seats = true;   // ؤ ئ -> ء
    // Arabic stemmer: "light10" (Naba's extended Light10), "snowball" (Xapian's), "none"
    std::string arabic_stemmer = "light10";
    bool pronoun_suffixes = true;  // Light10 also strips هم هما هن نا, and ه after ت
    bool waw_guard = false;        // Light10 strips a leading و only before an article or و
    // Stop words (text/stop_words.h)
    bool stop_words = true;
    bool question_words = true;     // question words are stop words
    bool clitic_stop_words = true;  // و ف ب ل ك + a stop word is a stop word
    // Stems as synonyms: only the words as written are indexed, and Xapian's synonym
    // table lists each stem's written forms under "Z" + stem, which QueryParser turns
    // into one OP_SYNONYM term per stemmed query word (schema.h). Off: each word is
    // also indexed as its "Z" + stem term (TermGenerator STEM_SOME), as before.
    // naba-search handles indexes of either kind.
    bool stem_synonyms = true;
    // Without stem synonyms: stemmed terms carry positions too (TermGenerator
    // STEM_SOME_FULL_POS). With them, stems have the positions of their forms.
    bool stem_positions = false;
    // Weight of the plain-text copy of the title (within-document frequency per
    // word); 0 indexes the title only as title: (S-prefixed) terms.
    unsigned title_weight = 1;
    // Ranking additions (searcher/query_builder.cpp); matching is never changed.
    bool phrase_words = true;      // words of a quoted phrase also count stemmed, alone
    double exact_forms = 0.3;       // weight of the exact-form bonus; 0 turns it off
    double proximity = 0;           // weight of the near-pair bonus; 0 turns it off
    unsigned proximity_window = 8; // NEAR window of the pair bonus, in words
    // Window bonus (searcher/window_bonus.h): the first `window_depth` hits of a
    // query in relevance order are re-ranked by the share of the query's weight found
    // within `window_words` consecutive words, each score times 1 + bonus x share. Per
    // language like b: on for English (Latin-script) queries, where every English set
    // gained or held. For Arabic and mixed ones only when the query is a question
    // (text::is_question): XQuAD's questions gained, while Arabic news headlines as
    // queries lost (bench/RESULTS.md, ablation); a question asks for the passage that
    // holds its words together, a headline for the story, whose short lead holds
    // most of its words anyway.
    double window_bonus = 0;
    double window_bonus_latin = 0.5;
    double window_bonus_question = 0.5;
    unsigned window_words = 15;
    unsigned window_depth = 10;
    // Root-like Arabic stem (stem/arabic_root.h) as an extra term: indexed when > 0,
    // and at query time the weight of the Arabic words' root terms. Weight 1: a root
    // is searched like a word of its own; its lower IDF (a root is shared by many
    // words) already makes it count less than the stem.
    double arabic_root = 1.0;
    // Weight of the proclitic alternative of an Arabic query word (لكاليفورنيا also
    // searches كاليفورنيا when that stem is more frequent in the index); 0: off.
    double clitic_alternatives = 0.5;
    bool root_matches = true;  // in OR queries root terms also match, not only rank
    // Weight of the nearest indexed spelling (one edit) of a query word of four letters
    // or more that no document holds in any form (searcher/query_alternatives.cpp);
    // ranks only; 0: off.
    double spelling_alternatives = 1.0;
    // Consonant-skeleton term of long Arabic words (Analyzer::name_key_term): indexed
    // when > 0, and the weight of a query word's skeleton when the index holds other
    // spellings of it; 0: off.
    double name_keys = 0.3;
    // The same for capitalised Latin words in running text (Zelenskiy / Zelinski):
    // indexed, and searched for Latin query words, at the weight above.
    bool latin_name_keys = true;
    // Character 4-grams of long Arabic stems (Analyzer::ngram_terms): indexed when
    // > 0, and at query time the weight of a query word's n-grams; 0: off. Low: a
    // shared 4-gram is weak evidence, and a long word has several.
    double arabic_ngrams = 0.2;
    // BM25 (searcher/search.cpp)
    double bm25_k1 = 1.0;
    // b for queries with Arabic letters (Xapian's default) and for the others
    // (English: BM25's usual 0.75, as in Lucene). Issue 3 names per-language BM25;
    // English news and TyDi passages vary in length far more than XQuAD's, and
    // English gained there from stronger length normalization, Arabic lost
    // (bench/RESULTS.md, ablation).
    double bm25_b = 0.5;
    double bm25_b_latin = 0.75;
    double bm25_k3 = 1.0;
    double bm25plus_delta = 0;  // > 0: Xapian's BM25+ with this delta instead of BM25
    // BM25's N and average length over the documents of an Arabic or English query's
    // language (language_stats.h); off: over the whole index.
    bool language_collections = true;
};

// The options in effect: defaults, overridden by NABA_ANALYSIS ("name=value" or
// "name" / "no-name" for booleans, separated by spaces or commas). Parsed once;
// throws std::runtime_error naming the bad entry.
const AnalysisOptions& analysis_options();

// For naba-index, before any thread starts analysing: an existing index keeps the
// way it holds stems (schema::kStemmingKey), whatever the default, since documents
// indexed both ways would be weighed differently in one index. Each run sets it.
void set_stem_synonyms(bool on);
// The default of that choice (NABA_ANALYSIS as given), whatever was set since.
bool default_stem_synonyms();

// Parses a NABA_ANALYSIS-style string over the defaults (exposed for tests).
AnalysisOptions parse_analysis_options(std::string_view spec);

}  // namespace naba
