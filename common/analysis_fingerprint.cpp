#include "analysis_fingerprint.h"

#include <algorithm>
#include <vector>

namespace naba {

std::string analysis_fingerprint(const AnalysisOptions& o) {
    std::string out = "analysis " + std::to_string(kAnalysisVersion);
    auto add = [&out](const char* name, const std::string& value) {
        out.append("; ").append(name).append("=").append(value);
    };
    auto flag = [&add](const char* name, bool on) { add(name, on ? "1" : "0"); };
    add("arabic-stemmer", o.arabic_stemmer);
    flag("fold-teh-marbuta", o.fold_teh_marbuta);
    flag("fold-alef-maqsura", o.fold_alef_maqsura);
    flag("fold-hamza-seats", o.fold_hamza_seats);
    flag("pronoun-suffixes", o.pronoun_suffixes);
    flag("waw-guard", o.waw_guard);
    flag("stop-words", o.stop_words);
    flag("question-words", o.question_words);
    flag("clitic-stop-words", o.clitic_stop_words);
    flag("stem-positions", o.stem_positions);
    add("title-weight", std::to_string(o.title_weight));
    // Weights above zero only say how much a term counts in a search; zero leaves
    // the terms out of the index.
    flag("arabic-root", o.arabic_root > 0);
    flag("name-keys", o.name_keys > 0);
    flag("latin-name-keys", o.name_keys > 0 && o.latin_name_keys);
    flag("arabic-ngrams", o.arabic_ngrams > 0);
    return out;
}

std::string analysis_fingerprint() { return analysis_fingerprint(analysis_options()); }

std::string fingerprint_difference(const std::string& stored, const std::string& current) {
    auto entries = [](const std::string& fingerprint) {
        std::vector<std::string> out;
        for (std::size_t at = 0; at <= fingerprint.size();) {
            std::size_t end = fingerprint.find("; ", at);
            if (end == std::string::npos) end = fingerprint.size();
            out.push_back(fingerprint.substr(at, end - at));
            at = end + 2;
        }
        return out;
    };
    const std::vector<std::string> old = entries(stored);
    std::string out;
    for (const std::string& entry : entries(current)) {
        if (std::find(old.begin(), old.end(), entry) != old.end()) continue;
        out += (out.empty() ? "" : "; ") + entry;
    }
    return out;
}

}  // namespace naba
