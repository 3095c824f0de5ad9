#include "analyzer.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <unicode/uchar.h>

#include "analysis_options.h"
#include "schema.h"
#include "entities/name_key.h"
#include "stem/arabic_root.h"
#include "stem/script_stemmer.h"
#include "text/arabic_normalizer.h"
#include "text/initialisms.h"
#include "text/script.h"
#include "text/stop_words.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba {
namespace {

// Bounds of Analyzer::name_key_term: the name-key's own limits (4 consonants in
// Arabic, 3 in Latin) and 5 letters, the length from which fuzzy_variant accepts a
// text word.
constexpr std::size_t kNameKeyMinLetters = 5;
constexpr std::size_t kNameKeyMinConsonants = 4;
constexpr std::size_t kLatinNameKeyMinConsonants = 3;
// Analyzer::ngram_terms: 4-grams, of stems longer than one 4-gram (a 4-letter stem's
// only 4-gram would be the stem again).
constexpr std::size_t kNgram = 4;
constexpr std::size_t kNgramMinLetters = 5;

}  // namespace

bool is_query_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR"})
        if (word == op) return true;
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (!word.starts_with(op)) continue;
        std::string_view rest = word.substr(op.size());
        if (rest.empty()) return true;
        if (rest.size() < 2 || rest[0] != '/') return false;
        for (char c : rest.substr(1))
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        return true;
    }
    return false;
}

namespace {

// text::is_stop_word as a Xapian stopper: the listed words and their clitic forms.
class CliticStopper : public Xapian::Stopper {
  public:
    bool operator()(const std::string& word) const override { return text::is_stop_word(word); }
    std::string get_description() const override { return "naba-stopper"; }
};

}  // namespace

Analyzer::Analyzer() : stemmer_(stem::make_script_stemmer()), stopper_(std::make_unique<CliticStopper>()) {}

Analyzer::~Analyzer() = default;

std::string Analyzer::normalize(std::string_view text) const {
    return text::split_scripts(text::arabic_normalize(text::join_initialisms(text::unicode_normalize(text))));
}

namespace {

// True when the query has letters outside operator words and every one of them is a
// capital: English typed or pasted in capitals (a wire headline), not a query using
// operators. A lower-case letter, or a letter of a script without case (Arabic),
// means operators: "NATO AND Russia", "غزة NOT NATO".
bool all_capitals(std::string_view query) {
    bool letters = false;
    std::size_t i = 0;
    while (i < query.size()) {
        std::size_t end = i;
        while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end]))) ++end;
        std::string_view word = query.substr(i, end - i);
        if (!is_query_operator(word)) {
            for (std::size_t k = 0; k < word.size();) {
                const auto c = static_cast<UChar32>(text::next_code_point(word, k));
                if (!u_isalpha(c)) continue;
                if (!u_isupper(c)) return false;
                letters = true;
            }
        }
        i = end == i ? i + 1 : end;
    }
    return letters;
}

// NEAR/3 and ADJ/3 never occur in prose: they stay operators even in capitals.
bool explicit_operator(std::string_view word) { return is_query_operator(word) && word.find('/') != word.npos; }

bool has_literal_field(std::string_view chunk, std::initializer_list<std::string_view> fields) {
    for (std::string_view field : fields)
        if (chunk.size() > field.size() && chunk.starts_with(field) && chunk[field.size()] == ':') return true;
    return false;
}

}  // namespace

std::string Analyzer::normalize_query(std::string_view query,
                                      std::initializer_list<std::string_view> literal_fields) const {
    const bool operators = !all_capitals(query);
    std::string out;
    out.reserve(query.size());
    std::size_t i = 0;
    while (i < query.size()) {
        std::size_t end = i;
        bool space = std::isspace(static_cast<unsigned char>(query[i]));
        while (end < query.size() && static_cast<bool>(std::isspace(static_cast<unsigned char>(query[end]))) == space)
            ++end;
        std::string_view chunk = query.substr(i, end - i);
        // In capitals-only text a leading + or - is punctuation ("PLANS -REPORT"), not
        // must / must-not.
        if (!operators) chunk.remove_prefix(std::min(chunk.find_first_not_of("+-"), chunk.size()));
        // An operator may have parentheses against it, as Xapian reads it: (NOT a), (a AND) b.
        std::string_view core = chunk;
        while (!core.empty() && core.front() == '(') core.remove_prefix(1);
        while (!core.empty() && core.back() == ')') core.remove_suffix(1);
        if (space || (operators ? is_query_operator(core) : explicit_operator(core)) ||
            has_literal_field(chunk, literal_fields)) {
            out.append(chunk);
        } else {
            out += normalize(chunk);
        }
        i = end;
    }
    return out;
}

bool Analyzer::is_stop_word(const std::string& normalized_word) const {
    return (*stopper_)(normalized_word);
}

namespace {

// Arabic words are the only ones with root, name-key and n-gram terms; most words of
// a mixed collection are not, and the first byte (U+0600..U+06FF) says so cheaply.
bool arabic_word(const std::string& word) {
    if (word.empty()) return false;
    const auto lead = static_cast<unsigned char>(word[0]);
    return lead >= 0xD8 && lead <= 0xDB && text::token_script(word) == text::Script::arabic;
}

}  // namespace

std::string Analyzer::root_term(const std::string& normalized_word) const {
    if (analysis_options().arabic_root <= 0 || !arabic_word(normalized_word) || is_stop_word(normalized_word)) return "";
    return std::string(schema::kArabicRootPrefix) + stem::arabic_root(normalized_word);
}

std::string Analyzer::name_key_term(const std::string& normalized_word) const {
    const AnalysisOptions& options = analysis_options();
    if (options.name_keys <= 0 || normalized_word.empty() || is_stop_word(normalized_word)) return "";
    if (arabic_word(normalized_word)) return name_key_of_stem(stemmer_(normalized_word));
    if (!options.latin_name_keys || text::token_script(normalized_word) != text::Script::latin) return "";
    // A Latin name is keyed as written: an English stem may cut its ending (Zelenskyy).
    if (text::code_point_count(normalized_word) < kNameKeyMinLetters) return "";
    const std::optional<entities::NameKey> key = entities::name_key(normalized_word);
    if (!key || key->skeleton.size() < 1 + kLatinNameKeyMinConsonants) return "";  // script marker + classes
    // The whole key, vowel classes too, and the first letter's class: Latin writes its
    // vowels, so respellings keep them (Zelenskiy / Zelinski, Qadhafi / Khadafy), while
    // on the consonants alone Gaddafi met Gateway and Goodway. Zelenska (his wife) and
    // Israeli stay apart from Zelensky and Israel; Zarif from Sharif by the first letter.
    return std::string(schema::kNameKeyPrefix) + "l" + key->key + entities::first_letter_class(key->first);
}

std::string Analyzer::name_key_of_stem(const std::string& stem) const {
    if (text::code_point_count(stem) < kNameKeyMinLetters) return "";
    const std::optional<entities::NameKey> key = entities::name_key(stem);
    if (!key || key->skeleton.size() < 1 + kNameKeyMinConsonants) return "";  // script marker + classes
    return std::string(schema::kNameKeyPrefix) + key->skeleton;
}

std::vector<std::string> Analyzer::arabic_terms(const std::string& normalized_word) const {
    std::vector<std::string> out;
    const AnalysisOptions& options = analysis_options();
    if (!arabic_word(normalized_word) || is_stop_word(normalized_word)) return out;
    if (options.arabic_root > 0) out.push_back(std::string(schema::kArabicRootPrefix) + stem::arabic_root(normalized_word));
    if (options.name_keys <= 0 && options.arabic_ngrams <= 0) return out;
    const std::string stem = stemmer_(normalized_word);  // once for both
    if (options.name_keys > 0)
        if (std::string key = name_key_of_stem(stem); !key.empty()) out.push_back(std::move(key));
    for (std::string& gram : ngram_terms(stem)) out.push_back(std::move(gram));
    return out;
}

std::string Analyzer::stem_key(std::string_view term) const {
    std::string_view prefix;
    if (term.starts_with(schema::kTitlePrefix)) prefix = schema::kTitlePrefix;
    const std::string word(term.substr(prefix.size()));
    if (!schema::is_word_term(word)) return "";  // another prefix
    // As Xapian's should_stem(): only terms whose first character is a letter.
    constexpr unsigned kStemmedCategories =
        (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
        (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
    if (((kStemmedCategories >> Xapian::Unicode::get_category(*Xapian::Utf8Iterator(word))) & 1) == 0) return "";
    if (is_stop_word(word)) return "";
    const std::string stem = stemmer_(word);
    if (stem.empty()) return "";
    return std::string(schema::kStemPrefix).append(prefix).append(stem);
}

std::vector<std::string> Analyzer::ngram_terms(std::string_view stem) const {
    std::vector<std::string> out;
    if (analysis_options().arabic_ngrams <= 0 || stem.empty()) return out;
    const auto lead = static_cast<unsigned char>(stem[0]);
    if (lead < 0xD8 || lead > 0xDB || text::token_script(stem) != text::Script::arabic) return out;
    std::vector<std::size_t> starts;  // byte offset of each letter, then the end
    for (std::size_t i = 0; i < stem.size();) {
        starts.push_back(i);
        text::next_code_point(stem, i);
    }
    starts.push_back(stem.size());
    const std::size_t letters = starts.size() - 1;
    if (letters < kNgramMinLetters) return out;
    for (std::size_t i = 0; i + kNgram <= letters; ++i)
        out.push_back(std::string(schema::kArabicNgramPrefix).append(stem.substr(starts[i], starts[i + kNgram] - starts[i])));
    return out;
}

void Analyzer::configure(Xapian::TermGenerator& generator) const {
    const AnalysisOptions& options = analysis_options();
    generator.set_stemmer(stemmer_);
    // With stem synonyms only the written forms are indexed; the stems are in the
    // synonym table (indexer/index_writer.h). Otherwise every word also gets its
    // "Z" + stem term (with positions too for stem-positions).
    generator.set_stemming_strategy(options.stem_synonyms    ? Xapian::TermGenerator::STEM_NONE
                                    : options.stem_positions ? Xapian::TermGenerator::STEM_SOME_FULL_POS
                                                             : Xapian::TermGenerator::STEM_SOME);
    generator.set_stopper(stopper_.get());
    // Stop words keep their positions (phrases like "prisoners of war" still match)
    // but get no stemmed term (nor a stem synonym: Analyzer::stem_key).
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void Analyzer::configure(Xapian::QueryParser& parser) const {
    parser.set_stemmer(stemmer_);
    // Stemmed query words become "Z" + stem; with FLAG_AUTO_SYNONYMS (the searcher's
    // QueryBuilder) each is searched with the written forms the synonym table lists.
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(stopper_.get());
}

}  // namespace naba
