#include "language_stats.h"

#include <optional>
#include <sstream>
#include <string>

#include "schema.h"

namespace naba {
namespace {

std::string lang_term(std::string_view lang) { return std::string(schema::kLangPrefix) + std::string(lang); }

std::string stats_key(std::string_view lang) { return std::string(schema::kLanguageStatsPrefix) + std::string(lang); }

// "documents length frequency-of-lang frequency-of-other"
std::string encode(const OneLanguageDocuments& counts, Xapian::doccount lang_freq, Xapian::doccount other_freq) {
    return std::to_string(counts.documents) + " " + std::to_string(counts.length) + " " + std::to_string(lang_freq) +
           " " + std::to_string(other_freq);
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
        db.set_metadata(stats_key(lang), encode(count_one_language(db, lang), db.get_termfreq(lang_term(lang)),
                                                db.get_termfreq(lang_term(other_language(lang)))));
}

namespace {

std::optional<OneLanguageDocuments> stored_if_current(const Xapian::Database& db, std::string_view lang) {
    if (db.size() != 1) return std::nullopt;
    std::istringstream in(db.get_metadata(stats_key(lang)));
    OneLanguageDocuments stored;
    Xapian::doccount lang_freq = 0, other_freq = 0;
    if (in >> stored.documents >> stored.length >> lang_freq >> other_freq &&
        lang_freq == db.get_termfreq(lang_term(lang)) && other_freq == db.get_termfreq(lang_term(other_language(lang))))
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
