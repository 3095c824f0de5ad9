#include "spelling_shown.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "schema.h"
#include "text/script.h"
#include "text/utf8.h"

namespace naba::searcher {
namespace {

std::vector<std::string> chunks(std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Calls `visit` with each run of word characters of `text` (true) and each run
// between them (false), in order.
void for_each_run(std::string_view text, const std::function<void(std::string_view, bool)>& visit) {
    std::size_t start = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const bool word = text::is_word_char(text::next_code_point(text, i));
        if (at > start && word != in_word) {
            visit(text.substr(start, at - start), in_word);
            start = at;
        }
        in_word = word;
    }
    if (start < text.size()) visit(text.substr(start), in_word);
}

// `after` (a corrected chunk) with each word that `before` (the chunk as read) does
// not have replaced by its spelling in the documents.
std::string respelt(std::string_view before, std::string_view after,
                    const std::function<std::string(const std::string&)>& spelt) {
    std::vector<std::string_view> had;
    for_each_run(before, [&](std::string_view run, bool word) {
        if (word) had.push_back(run);
    });
    std::string out;
    for_each_run(after, [&](std::string_view run, bool word) {
        const bool kept = !word || std::find(had.begin(), had.end(), run) != had.end();
        out += kept ? std::string(run) : spelt(std::string(run));
    });
    return out;
}

// A word written in capitals after its first letter (GENEVA in a wire dateline).
bool capitals(std::string_view word) {
    return word.size() > 1 && std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::string word_core(std::string_view chunk) {
    std::size_t start = std::string_view::npos, end = 0;
    for (std::size_t i = 0; i < chunk.size();) {
        const std::size_t at = i;
        if (!text::is_word_char(text::next_code_point(chunk, i))) continue;
        if (start == std::string_view::npos) start = at;
        end = i;
    }
    return start == std::string_view::npos ? "" : std::string(chunk.substr(start, end - start));
}

std::string shown_correction(std::string_view written, std::string_view normalized, std::string_view corrected,
                             const std::function<bool(const std::string&)>& known,
                             const std::function<std::string(const std::string&)>& spelt) {
    if (corrected.empty()) return "";
    const std::vector<std::string> typed = chunks(written), before = chunks(normalized), after = chunks(corrected);
    if (before.size() != after.size()) return std::string(corrected);
    // Normalization splits a chunk that mixes scripts (كييفKyiv): then the chunks as
    // typed no longer pair up with those read, and unchanged ones are shown as read.
    const bool paired = typed.size() == before.size();
    bool changed = false;
    std::string result;
    for (std::size_t i = 0; i < after.size(); ++i) {
        std::string shown;
        if (after[i] == before[i] || known(word_core(before[i]))) {
            shown = paired ? typed[i] : before[i];
        } else {
            shown = respelt(before[i], after[i], spelt);
            changed = true;
        }
        result += (i ? " " : "") + shown;
    }
    return changed ? result : "";
}

std::string spelt_in_documents(const Xapian::Database& db, const Analyzer& analyzer, const std::string& term) {
    std::string found, shouted;  // the first spelling not in capitals, and the first one in them
    int read = 0;
    for (auto doc = db.postlist_begin(term); doc != db.postlist_end(term) && read < 3 && found.empty(); ++doc, ++read) {
        try {
            const schema::StoredDocument stored = schema::deserialize(db.get_document(*doc).get_data());
            for (const std::string* text : {&stored.text, &stored.title}) {
                for_each_run(*text, [&](std::string_view run, bool word) {
                    if (!word || !found.empty() || analyzer.normalize(run) != term) return;
                    if (!capitals(run)) found = run;
                    else if (shouted.empty()) shouted = run;
                });
            }
        } catch (const std::runtime_error&) {
            // an unreadable record: try the next document
        }
    }
    return !found.empty() ? found : !shouted.empty() ? shouted : term;
}

}  // namespace naba::searcher
