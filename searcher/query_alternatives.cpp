// The alternatives a query word is also searched by, beyond its stem group: its
// root term, the word without a proclitic, its name key, its 4-grams (all of which
// also match in OR queries), and the nearest spelling of a word no document holds
// (which only ranks). Each is scaled by its weight from analysis_options().
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis_options.h"
#include "query_builder.h"
#include "text/utf8.h"

namespace naba::searcher {
namespace {

// Spelling alternatives: the fewest letters a word needs, and how far its
// replacement may be (Xapian's edit distance). Two edits reach other words too often
// in Arabic, whose words differ by a letter or two (XQuAD's Arabic questions ranked
// worse with two; bench/RESULTS.md).
constexpr std::size_t kMinSpellingLetters = 4;
constexpr unsigned kSpellingEdits = 1;
// Words looked up per query at most, the first in byte order: each look-up walks the
// spelling data (3-5 ms on a 32 MB Arabic index), and a query of 999 unknown Arabic
// words took 3.7 s there instead of 0.5 s. A typing slip is one word or a few.
constexpr std::size_t kMaxSpellingWords = 8;

// An OR of `terms` scaled by `weight` (empty query when there are none).
Xapian::Query scaled_or(const std::vector<Xapian::Query>& terms, double weight) {
    if (terms.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         weight);
}

Xapian::Query scaled_or(const std::set<std::string>& terms, double weight) {
    return scaled_or(std::vector<Xapian::Query>(terms.begin(), terms.end()), weight);
}

}  // namespace

// The root terms of the searched Arabic words, scaled by their weight (empty when
// there are none): derived forms of a query word (يسافر for بالسفر) rank too.
Xapian::Query QueryBuilder::root_query(const std::vector<std::string>& words) const {
    std::set<std::string> roots;
    for (const std::string& word : words)
        if (std::string root = analyzer_.root_term(word); !root.empty()) roots.insert(std::move(root));
    return scaled_or(roots, analysis_options().arabic_root);
}

// Light10 strips the proclitics ب ل ك ف only with an article, so لكاليفورنيا and
// بمستحثات keep them (as in Lucene): they cannot be told from root letters (بلد, كتب)
// by spelling alone. The index can tell: when the word without its first letter has
// a stem that is more frequent in the index than the word's own stem, that stem is
// searched too (its "Z" key here; empty when the word has none). Four letters at
// least must remain.
std::string QueryBuilder::clitic_alternative(const std::string& word) const {
    std::string_view rest = word;
    if (rest.starts_with("و")) rest.remove_prefix(std::string_view("و").size());
    bool clitic = false;
    for (std::string_view c : {"ب", "ل", "ك", "ف"}) {
        if (!rest.starts_with(c)) continue;
        rest.remove_prefix(c.size());
        clitic = true;
        break;
    }
    if (!clitic || rest.starts_with("ال") || text::code_point_count(rest) < 4) return "";
    const std::string own = "Z" + analyzer_.stemmer()(word);
    std::string alternative = "Z" + analyzer_.stemmer()(std::string(rest));
    if (alternative == own || stem_frequency(alternative) <= stem_frequency(own)) return "";
    return alternative;
}

// The clitic alternatives of the searched words, scaled (empty query when no word
// has one).
Xapian::Query QueryBuilder::clitic_alternatives(const std::vector<std::string>& words) const {
    const double weight = analysis_options().clitic_alternatives;
    if (weight <= 0) return Xapian::Query();
    std::set<std::string> alternatives;
    for (const std::string& word : words)
        if (std::string key = clitic_alternative(word); !key.empty()) alternatives.insert(std::move(key));
    std::vector<Xapian::Query> stems;
    for (const std::string& key : alternatives) stems.push_back(stem_query(key));
    return scaled_or(stems, weight);
}

// A transliterated name is spelled several ways (روديوفيت / رودوفيت, Zelensky /
// Zelinski): a long query word also searches its consonant skeleton (Analyzer::
// name_key_term), scaled, when the index holds that skeleton in more documents than
// the word's own stem, i.e. when other spellings exist. Words whose skeleton is
// theirs alone add nothing (and the index keys no English words, only names).
Xapian::Query QueryBuilder::name_key_alternatives(const std::vector<std::string>& words) const {
    const double weight = analysis_options().name_keys;
    if (weight <= 0) return Xapian::Query();
    std::set<std::string> keys;
    for (const std::string& word : words) {
        std::string key = analyzer_.name_key_term(word);
        if (!key.empty() && db_.get_termfreq(key) > stem_frequency("Z" + analyzer_.stemmer()(word)))
            keys.insert(std::move(key));
    }
    return scaled_or(keys, weight);
}

// The 4-grams of the searched Arabic words' stems (Analyzer::ngram_terms), scaled by
// their weight (empty when there are none): words that share most of their letters
// with a query word rank too.
Xapian::Query QueryBuilder::ngram_query(const std::vector<std::string>& words) const {
    const double weight = analysis_options().arabic_ngrams;
    if (weight <= 0) return Xapian::Query();
    std::set<std::string> grams;
    for (const std::string& word : words)
        for (std::string& gram : analyzer_.ngram_terms(analyzer_.stemmer()(word))) grams.insert(std::move(gram));
    return scaled_or(grams, weight);
}

// A query word that no document holds in any form of its stem, and that is no known
// word with a proclitic written on it, is spelt otherwise than the documents spell
// it: a name transliterated another way (البوذيساتفا / البوذيساتفي, للثر / لوثر), a
// verb of the other person (يحيط / تحيط), a typing slip. It ranks by the indexed word
// one edit away that most documents hold (Xapian's spelling data, the one behind "did
// you mean"), at the word's own weight, since it stands in for a word that counts
// for nothing as written. Ranking only: the query matches what it matched, and one
// of unknown words alone still finds nothing and suggests the spelling. Words of
// three letters are left out: one edit there is a third of the word (فاز / غاز).
Xapian::Query QueryBuilder::spelling_alternatives(const std::vector<std::string>& words) const {
    const double weight = analysis_options().spelling_alternatives;
    if (weight <= 0) return Xapian::Query();
    std::set<std::string> stems;
    std::size_t looked_up = 0;
    for (const std::string& word : words) {
        if (text::code_point_count(word) < kMinSpellingLetters || analyzer_.is_stop_word(word)) continue;
        if (stem_frequency("Z" + analyzer_.stemmer()(word)) > 0 || !clitic_alternative(word).empty()) continue;
        if (++looked_up > kMaxSpellingWords) break;
        auto [it, added] = spellings_.try_emplace(word);
        if (added) it->second = db_.get_spelling_suggestion(word, kSpellingEdits);
        if (!it->second.empty()) stems.insert("Z" + analyzer_.stemmer()(it->second));
    }
    std::vector<Xapian::Query> fixes;
    for (const std::string& key : stems) fixes.push_back(stem_query(key));
    return scaled_or(fixes, weight);
}

}  // namespace naba::searcher
