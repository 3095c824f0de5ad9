#include "spelling_data.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "schema.h"
#include "text/utf8.h"

namespace naba::indexer {

namespace {

using SpellingChange = std::pair<std::string, long>;  // word, frequency delta

// Hands `change` each word from `from` on whose document frequency differs from its
// spelling frequency, in byte order, until `change` returns false. Both lists are
// sorted by bytes, so one merge pass finds every difference. True at the end.
template <class Change>
bool for_each_difference(const Xapian::Database& db, const Analyzer& analyzer, const std::string& from,
                         Change&& change) {
    auto s = db.spellings_begin();
    const auto s_end = db.spellings_end();
    auto t = db.allterms_begin();
    const auto t_end = db.allterms_end();
    if (!from.empty()) {
        s.skip_to(from);
        t.skip_to(from);
    }
    for (; t != t_end; ++t) {
        const std::string term = *t;
        if (!is_spelling_word(term, analyzer)) continue;
        for (; s != s_end && *s < term; ++s)
            if (!change(*s, -static_cast<long>(s.get_termfreq()))) return false;
        long have = 0;
        if (s != s_end && *s == term) {
            have = s.get_termfreq();
            ++s;
        }
        const long want = t.get_termfreq();
        if (want != have && !change(term, want - have)) return false;
    }
    for (; s != s_end; ++s)
        if (!change(*s, -static_cast<long>(s.get_termfreq()))) return false;
    return true;
}

long budget_words(std::uint64_t memory_bytes) {
    return static_cast<long>(std::max<std::uint64_t>(1, memory_bytes / kPendingSpellingBytesPerWord));
}

void add_changes(Xapian::WritableDatabase& db, const std::vector<SpellingChange>& changes) {
    for (const auto& [word, delta] : changes) {
        if (delta > 0) db.add_spelling(word, static_cast<Xapian::termcount>(delta));
        if (delta < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
    }
}

// A pause after each step but the last, for tests to stop a refresh under way.
void pause_between_steps_for_tests() {
    static const long ms = [] {
        const char* value = std::getenv("NABA_TEST_SPELLING_STEP_PAUSE_MS");
        return value ? std::atol(value) : 0L;
    }();
    if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Hands Xapian the changes `step` words at a time. Opening the spelling list merges
// the changes Xapian holds into its table (uncommitted: the refresh stays part of the
// caller's commit), so each step's list shows the steps before, and goes on from the
// last word of the one before, which differs no more.
void refresh_in_steps(const Xapian::Database& words, Xapian::WritableDatabase& db, const Analyzer& analyzer,
                      SpellingRefresh& refresh, const std::atomic<int>* stop) {
    const auto step = static_cast<std::size_t>(refresh.step_words);
    std::vector<SpellingChange> changes;
    std::string from;
    long handed = 0;
    for (;;) {
        if (stop && stop->load() != 0) {
            refresh.stopped = true;
            return;
        }
        changes.clear();
        const bool end = for_each_difference(words, analyzer, from, [&](const std::string& w, long d) {
            changes.emplace_back(w, d);
            return changes.size() < step;
        });
        if (changes.empty()) return;
        add_changes(db, changes);
        ++refresh.steps;
        // The count made before the steps says when the last one is done: a step that
        // fills exactly is not followed by a scan that finds nothing, nor by a stop
        // that would mark complete data stale.
        handed += static_cast<long>(changes.size());
        if (end || handed >= refresh.changed) return;
        from = changes.back().first;
        pause_between_steps_for_tests();
    }
}

}  // namespace

bool is_spelling_word(const std::string& term, const Analyzer& analyzer) {
    if (!schema::is_word_term(term)) return false;  // prefixed: Q, S, L, XS, Z...
    for (unsigned char c : term)
        if (std::isdigit(c) || c == '\'' || c == '_') return false;
    return text::code_point_count(term) >= 3 && !analyzer.is_stop_word(term);
}

long spelling_words_per_merge(long changes, std::uint64_t memory_bytes) {
    const long floor = (changes + kMaxSpellingMerges - 1) / kMaxSpellingMerges;
    return std::max(floor, std::min(changes, budget_words(memory_bytes)));
}

SpellingRefresh refresh_spelling(Xapian::WritableDatabase& db, const Analyzer& analyzer, std::uint64_t memory_bytes,
                                 const std::atomic<int>* stop) {
    return refresh_spelling(db, db, analyzer, memory_bytes, stop);
}

SpellingRefresh refresh_spelling(const Xapian::Database& words, Xapian::WritableDatabase& db,
                                 const Analyzer& analyzer, std::uint64_t memory_bytes, const std::atomic<int>* stop) {
    // The changes are gathered before any is made (the spelling iterator must not see
    // its own edits), and counted to the end, so that a large refresh knows its step.
    const long at_once = memory_bytes ? budget_words(memory_bytes) : std::numeric_limits<long>::max();
    std::vector<SpellingChange> changes;
    SpellingRefresh refresh;
    for_each_difference(words, analyzer, "", [&](const std::string& w, long d) {
        if (++refresh.changed <= at_once) changes.emplace_back(w, d);
        return true;
    });
    if (refresh.changed <= at_once) {
        add_changes(db, changes);
        refresh.steps = refresh.changed > 0 ? 1 : 0;
        refresh.step_words = refresh.changed;
        return refresh;
    }
    changes = {};
    refresh.step_words = spelling_words_per_merge(refresh.changed, memory_bytes);
    refresh_in_steps(words, db, analyzer, refresh, stop);
    return refresh;
}

std::string describe(const SpellingRefresh& refresh) {
    const std::string words = std::to_string(refresh.changed) + (refresh.changed == 1 ? " word" : " words");
    const std::string steps = std::to_string(refresh.steps) + (refresh.steps == 1 ? " step" : " steps") +
                              " of up to " + std::to_string(refresh.step_words) + " words";
    // A stopped refresh made only some of the changes it counted.
    if (refresh.stopped) return words + " to change, stopped after " + steps;
    if (refresh.steps <= 1) return words + " changed at once";
    return words + " changed in " + steps;
}

}  // namespace naba::indexer
