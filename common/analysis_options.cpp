#include "analysis_options.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace naba {
namespace {

double parse_number(const std::string& name, const std::string& value) {
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || v < 0) throw std::runtime_error("NABA_ANALYSIS: " + name + " needs a number >= 0, not '" + value + "'");
    return v;
}

// A width in words: a window narrower than one word has nothing in it.
unsigned parse_width(const std::string& name, const std::string& value) {
    const double v = parse_number(name, value);
    if (v < 1) throw std::runtime_error("NABA_ANALYSIS: " + name + " needs a number >= 1, not '" + value + "'");
    return static_cast<unsigned>(v);
}

void apply(AnalysisOptions& o, const std::string& entry) {
    const auto eq = entry.find('=');
    const std::string name = entry.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : entry.substr(eq + 1);
    if (eq != std::string::npos) {
        if (name == "k1") return void(o.bm25_k1 = parse_number(name, value));
        if (name == "b") return void(o.bm25_b = o.bm25_b_latin = parse_number(name, value));
        if (name == "english-b") return void(o.bm25_b_latin = parse_number(name, value));
        if (name == "bm25plus") return void(o.bm25plus_delta = parse_number(name, value));
        if (name == "k3") return void(o.bm25_k3 = parse_number(name, value));
        if (name == "exact-forms") return void(o.exact_forms = parse_number(name, value));
        if (name == "title-weight") return void(o.title_weight = static_cast<unsigned>(parse_number(name, value)));
        if (name == "clitic-alternatives") return void(o.clitic_alternatives = parse_number(name, value));
        if (name == "spelling-alternatives") return void(o.spelling_alternatives = parse_number(name, value));
        if (name == "arabic-ngrams") return void(o.arabic_ngrams = parse_number(name, value));
        if (name == "name-keys") return void(o.name_keys = parse_number(name, value));
        if (name == "arabic-root") return void(o.arabic_root = parse_number(name, value));
        if (name == "proximity") return void(o.proximity = parse_number(name, value));
        if (name == "window-bonus") {
            o.window_bonus = o.window_bonus_latin = o.window_bonus_question = parse_number(name, value);
            return;
        }
        if (name == "question-window-bonus") return void(o.window_bonus_question = parse_number(name, value));
        if (name == "english-window-bonus") return void(o.window_bonus_latin = parse_number(name, value));
        if (name == "window-words") return void(o.window_words = parse_width(name, value));
        if (name == "window-depth") return void(o.window_depth = static_cast<unsigned>(parse_number(name, value)));
        if (name == "proximity-window") return void(o.proximity_window = static_cast<unsigned>(parse_number(name, value)));
        if (name == "arabic-stemmer" && (value == "light10" || value == "snowball" || value == "none"))
            return void(o.arabic_stemmer = value);
    } else {
        const bool on = !name.starts_with("no-");
        const std::string flag = on ? name : name.substr(3);
        bool* target = flag == "fold-teh-marbuta"    ? &o.fold_teh_marbuta
                       : flag == "fold-alef-maqsura" ? &o.fold_alef_maqsura
                       : flag == "fold-hamza-seats"  ? &o.fold_hamza_seats
                       : flag == "pronoun-suffixes"  ? &o.pronoun_suffixes
                       : flag == "waw-guard"         ? &o.waw_guard
                       : flag == "stem-positions"    ? &o.stem_positions
                       : flag == "stem-synonyms"     ? &o.stem_synonyms
                       : flag == "root-matches"      ? &o.root_matches
                       : flag == "latin-name-keys"   ? &o.latin_name_keys
                       : flag == "phrase-words"      ? &o.phrase_words
                       : flag == "stop-words"        ? &o.stop_words
                       : flag == "question-words"    ? &o.question_words
                       : flag == "clitic-stop-words" ? &o.clitic_stop_words
                       : flag == "language-collections" ? &o.language_collections
                                                     : nullptr;
        if (target) return void(*target = on);
    }
    throw std::runtime_error("NABA_ANALYSIS: unknown entry '" + entry + "' (see bench/README.md)");
}

}  // namespace

AnalysisOptions parse_analysis_options(std::string_view spec) {
    AnalysisOptions o;
    std::string entry;
    for (std::size_t i = 0; i <= spec.size(); ++i) {
        if (i == spec.size() || spec[i] == ' ' || spec[i] == ',') {
            if (!entry.empty()) apply(o, entry);
            entry.clear();
        } else {
            entry += spec[i];
        }
    }
    return o;
}

namespace {

AnalysisOptions& options_in_effect() {
    static AnalysisOptions options = [] {
        const char* spec = std::getenv("NABA_ANALYSIS");
        return parse_analysis_options(spec ? spec : "");
    }();
    return options;
}

}  // namespace

const AnalysisOptions& analysis_options() { return options_in_effect(); }

bool default_stem_synonyms() {
    const char* spec = std::getenv("NABA_ANALYSIS");
    return parse_analysis_options(spec ? spec : "").stem_synonyms;
}

void set_stem_synonyms(bool on) { options_in_effect().stem_synonyms = on; }

}  // namespace naba
