// The one analysis pipeline shared by indexing and querying. Order is explicit:
//   1. unicode_normalize  (ICU NFKC + case folding, ASCII digits)      lossless-ish
//      join_initialisms   ("u.s." -> "us", as Xapian does for upper case)
//   2. arabic_normalize   (harakat, tatweel, alef/yeh/teh marbuta, hamza seats)
//   3. split_scripts      (Arabic and Latin letters that touch get a space)
// then Xapian's TermGenerator / QueryParser tokenize, drop stop words (normalized by
// the same chain) and stem each token with the script-dispatching stemmer.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace naba {

class Analyzer {
  public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Stages 1-3 on document text (or on a single word).
    std::string normalize(std::string_view text) const;

    // Stages 1-3 on each word of a query, except Xapian's upper-case operator words
    // (AND, OR, NOT, XOR, NEAR, ADJ, optionally with /N), which must stay upper case
    // for QueryParser to see them, and "field:value" words whose field is listed in
    // `literal_fields` (values such as ids that are matched exactly as written). In a
    // query written all in capitals, as wire headlines are ("U.S. WILL NOT CUT RATES
    // -SOURCES"), the operator words (but NEAR/N, ADJ/N) and a leading + or - are words.
    std::string normalize_query(std::string_view query,
                                std::initializer_list<std::string_view> literal_fields = {}) const;

    const Xapian::Stem& stemmer() const { return stemmer_; }
    bool is_stop_word(const std::string& normalized_word) const;

    // The root term (schema::kArabicRootPrefix + stem/arabic_root.h) of a normalized
    // Arabic word that is not a stop word; "" for any other word, and when root terms
    // are off (NABA_ANALYSIS arabic-root=0). Indexing and querying both use this.
    std::string root_term(const std::string& normalized_word) const;

    // The name-key term (schema::kNameKeyPrefix + the consonant skeleton of
    // entities/name_key.h) of a normalized word that is not a stop word; "" otherwise
    // and when off (NABA_ANALYSIS name-keys=0):
    //  - Arabic: taken on the Light10 stem, of at least 5 letters, whose skeleton has
    //    at least 4 consonants;
    //  - Latin (unless NABA_ANALYSIS no-latin-name-keys): the whole key (vowel classes
    //    too) and first letter class of the word itself, of at least 5 letters, whose
    //    skeleton has at least 3 consonants.
    // Transliterated names are long and spelled with or without long vowels and with
    // sound-alike letters (روديوفيت / رودوفيت, Zelenskiy / Zelinski); short native
    // words would collide. The index holds Latin keys only for capitalised words
    // (indexer/document_builder.cpp), which is what keeps English words out.
    std::string name_key_term(const std::string& normalized_word) const;

    // The stem-synonym key of an indexed free-text term (word or title word): "Z" +
    // field prefix + stem, the key QueryParser looks up for a stemmed query word
    // (FLAG_AUTO_SYNONYMS) and the term TermGenerator's STEM_SOME would index. "" for
    // the terms Xapian never stems: other prefixes, stop words (STOP_STEMMED), terms
    // that do not start with a letter.
    std::string stem_key(std::string_view term) const;

    // The n-gram terms (schema::kArabicNgramPrefix + each 4 consecutive letters) of
    // an Arabic stem (what stemmer() gives for a word that is not a stop word) of at
    // least 5 letters; none for any other stem and when off (NABA_ANALYSIS
    // arabic-ngrams=0).
    std::vector<std::string> ngram_terms(std::string_view stem) const;

    // What the index holds beside a normalized Arabic word (not a stop word): its root
    // term, name-key term and n-gram terms, each as the functions above give it, the
    // word stemmed once for all of them; none for other words.
    std::vector<std::string> arabic_terms(const std::string& normalized_word) const;

    // Gives a TermGenerator or QueryParser this analyzer's stemmer and stop words.
    // The analyzer must outlive them (they keep a pointer to its stopper).
    void configure(Xapian::TermGenerator& generator) const;
    void configure(Xapian::QueryParser& parser) const;

  private:
    std::string name_key_of_stem(const std::string& stem) const;

    Xapian::Stem stemmer_;
    std::unique_ptr<Xapian::Stopper> stopper_;
};

// True for the words Xapian's QueryParser reads as boolean or proximity operators.
bool is_query_operator(std::string_view word);

}  // namespace naba
