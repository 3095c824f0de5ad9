#include "spelling_data.h"

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "schema.h"
#include "text/utf8.h"

namespace naba::indexer {

bool is_spelling_word(const std::string& term, const Analyzer& analyzer) {
    if (!schema::is_word_term(term)) return false;  // prefixed: Q, S, L, XS, Z...
    for (unsigned char c : term)
        if (std::isdigit(c) || c == '\'' || c == '_') return false;
    return text::code_point_count(term) >= 3 && !analyzer.is_stop_word(term);
}

long refresh_spelling(Xapian::WritableDatabase& db, const Analyzer& analyzer) {
    // Both lists are sorted by bytes, so one merge pass finds every difference.
    // Changes are collected first: the spelling iterator must not see its own edits.
    std::vector<std::pair<std::string, long>> changes;  // word, frequency delta
    auto s = db.spellings_begin();
    const auto s_end = db.spellings_end();
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        if (!is_spelling_word(term, analyzer)) continue;
        for (; s != s_end && *s < term; ++s) changes.emplace_back(*s, -static_cast<long>(s.get_termfreq()));
        long have = 0;
        if (s != s_end && *s == term) {
            have = s.get_termfreq();
            ++s;
        }
        long want = t.get_termfreq();
        if (want != have) changes.emplace_back(term, want - have);
    }
    for (; s != s_end; ++s) changes.emplace_back(*s, -static_cast<long>(s.get_termfreq()));

    for (const auto& [word, delta] : changes) {
        if (delta > 0) db.add_spelling(word, static_cast<Xapian::termcount>(delta));
        if (delta < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
    }
    return static_cast<long>(changes.size());
}

}  // namespace naba::indexer
