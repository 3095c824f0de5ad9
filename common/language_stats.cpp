#include "language_stats.h"

#include <optional>
#include <sstream>
#include <string>

#include "schema.h"

namespace naba {
namespace {

std::string lang_term(std::string_view lang) { return std::string(schema::kLangPrefix) + std::string(lang); }

std::string stats_key(std::string_view lang) { return std::string(schema::kLanguageStatsPrefix) + std::string(lang); }

// What the counts were taken at: both language terms' frequencies, and the index's
// document count and total length, which a replaced document of the same language
// (a run stopped before storing) changes where the frequencies stay.
struct IndexState {
    Xapian::doccount lang_freq = 0, other_freq = 0, documents = 0;
    Xapian::totallength length = 0;
    bool operator==(const IndexState&) const = default;
};

IndexState state_of(const Xapian::Database& db, std::string_view lang) {
    return {db.get_termfreq(lang_term(lang)), db.get_termfreq(lang_term(other_language(lang))), db.get_doccount(),
            db.get_total_length()};
}

// "documents length frequency-of-lang frequency-of-other index-documents index-length"
std::string encode(const OneLanguageDocuments& counts, const IndexState& at) {
    return std::to_string(counts.documents) + " " + std::to_string(counts.length) + " " + std::to_string(at.lang_freq) +
           " " + std::to_string(at.other_freq) + " " + std::to_string(at.documents) + " " + std::to_string(at.length);
}

}  // namespace

std::string_view other_language(std::string_view lang) { return lang == "ar" ? "en" : "ar"; }

OneLanguageDocuments count_one_language(const Xapian::Database& db, std::string_view lang) {
    const std::string own = lang_term(lang), other = lang_term(other_language(lang));
    OneLanguageDocuments counts;
    Xapian::PostingIterator o = db.postlist_begin(other);
    const Xapian::PostingIterator o_end = db.postlist_end(other);
    for (auto p = db.postlist_begin(own); p != db.postlist_end(own); ++p) {
        if (o != o_end) o.skip_to(*p);
        if (o != o_end && *o == *p) continue;  // both languages: a "mixed" document
        ++counts.documents;
        counts.length += p.get_doclength();
    }
    return counts;
}

void store_language_stats(Xapian::WritableDatabase& db) {
    for (std::string_view lang : kStatsLanguages)
        db.set_metadata(stats_key(lang), encode(count_one_language(db, lang), state_of(db, lang)));
}

namespace {

std::optional<OneLanguageDocuments> stored_if_current(const Xapian::Database& db, std::string_view lang) {
    if (db.size() != 1) return std::nullopt;
    std::istringstream in(db.get_metadata(stats_key(lang)));
    OneLanguageDocuments stored;
    IndexState at;
    if (in >> stored.documents >> stored.length >> at.lang_freq >> at.other_freq >> at.documents >> at.length &&
        at == state_of(db, lang))
        return stored;
    return std::nullopt;
}

}  // namespace

bool language_stats_current(const Xapian::Database& db) {
    for (std::string_view lang : kStatsLanguages)
        if (!stored_if_current(db, lang)) return false;
    return true;
}

OneLanguageDocuments one_language_documents(const Xapian::Database& db, std::string_view lang) {
    if (auto stored = stored_if_current(db, lang)) return *stored;
    return count_one_language(db, lang);
}

}  // namespace naba
