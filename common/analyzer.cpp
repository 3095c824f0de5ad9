#include "analyzer.h"

#include <cctype>
#include <optional>

#include "analysis_options.h"
#include "schema.h"
#include "entities/name_key.h"
#include "stem/arabic_root.h"
#include "stem/script_stemmer.h"
#include "text/arabic_normalizer.h"
#include "text/script.h"
#include "text/stop_words.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba {
namespace {

// Bounds of Analyzer::name_key_term: the name-key's own Arabic limit (4 consonants)
// and a 5-letter stem, the length from which fuzzy_variant accepts a text word.
constexpr std::size_t kNameKeyMinLetters = 5;
constexpr std::size_t kNameKeyMinConsonants = 4;
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
    return text::split_scripts(text::arabic_normalize(text::unicode_normalize(text)));
}

namespace {

bool has_literal_field(std::string_view chunk, std::initializer_list<std::string_view> fields) {
    for (std::string_view field : fields)
        if (chunk.size() > field.size() && chunk.starts_with(field) && chunk[field.size()] == ':') return true;
    return false;
}

}  // namespace

std::string Analyzer::normalize_query(std::string_view query,
                                      std::initializer_list<std::string_view> literal_fields) const {
    std::string out;
    out.reserve(query.size());
    std::size_t i = 0;
    while (i < query.size()) {
        std::size_t end = i;
        bool space = std::isspace(static_cast<unsigned char>(query[i]));
        while (end < query.size() && static_cast<bool>(std::isspace(static_cast<unsigned char>(query[end]))) == space)
            ++end;
        std::string_view chunk = query.substr(i, end - i);
        if (space || is_query_operator(chunk) || has_literal_field(chunk, literal_fields)) {
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

std::string Analyzer::root_term(const std::string& normalized_word) const {
    if (analysis_options().arabic_root <= 0 || normalized_word.empty()) return "";
    const auto lead = static_cast<unsigned char>(normalized_word[0]);
    if (lead < 0xD8 || lead > 0xDB || text::token_script(normalized_word) != text::Script::arabic) return "";
    if (is_stop_word(normalized_word)) return "";
    return std::string(schema::kArabicRootPrefix) + stem::arabic_root(normalized_word);
}

std::string Analyzer::name_key_term(const std::string& normalized_word) const {
    if (analysis_options().name_keys <= 0 || normalized_word.empty()) return "";
    const auto lead = static_cast<unsigned char>(normalized_word[0]);
    if (lead < 0xD8 || lead > 0xDB || text::token_script(normalized_word) != text::Script::arabic) return "";
    if (is_stop_word(normalized_word)) return "";
    const std::string stem = stemmer_(normalized_word);
    if (text::code_point_count(stem) < kNameKeyMinLetters) return "";
    const std::optional<entities::NameKey> key = entities::name_key(stem);
    if (!key || key->skeleton.size() < 1 + kNameKeyMinConsonants) return "";  // script marker + classes
    return std::string(schema::kArabicNameKeyPrefix) + key->skeleton;
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
    generator.set_stemmer(stemmer_);
    // Positions on the stemmed terms too, for the proximity bonus at query time.
    generator.set_stemming_strategy(analysis_options().stem_positions ? Xapian::TermGenerator::STEM_SOME_FULL_POS
                                                                      : Xapian::TermGenerator::STEM_SOME);
    generator.set_stopper(stopper_.get());
    // Stop words keep their positions (phrases like "prisoners of war" still match)
    // but get no stemmed term.
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void Analyzer::configure(Xapian::QueryParser& parser) const {
    parser.set_stemmer(stemmer_);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(stopper_.get());
}

}  // namespace naba
