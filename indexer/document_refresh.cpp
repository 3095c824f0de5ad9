#include "document_refresh.h"

#include <functional>
#include <vector>

#include "analysis_fingerprint.h"
#include "schema.h"

namespace naba::indexer {
namespace {

// Calls `rewrite` on every document of db and stores the result, committing by
// `limits`. Returns how many were done, and whether all were (`stop` stayed zero).
std::pair<long, bool> rewrite_all(SharedDatabase& db, const CommitLimits& limits, const std::atomic<int>& stop,
                                  const std::function<void(Xapian::Document&, schema::StoredDocument&)>& rewrite) {
    // The ids first: replacing documents while walking the posting list of all
    // documents would walk a list that changes under it.
    std::vector<Xapian::docid> ids;
    for (auto p = db.db.postlist_begin(""); p != db.db.postlist_end(""); ++p) ids.push_back(*p);
    PendingBatch pending(limits);
    long done = 0;
    for (Xapian::docid id : ids) {
        if (stop.load()) {
            db.db.commit();
            return {done, false};
        }
        Xapian::Document xdoc = db.db.get_document(id);
        schema::StoredDocument doc = schema::deserialize(xdoc.get_data());
        rewrite(xdoc, doc);
        db.db.replace_document(id, xdoc);
        ++done;
        if (pending.add(doc.text.size() + doc.title.size())) {
            db.db.commit();
            pending.reset();
        }
    }
    return {done, true};
}

// Copies into `fresh` what DocumentBuilder::build does not make from the stored
// record: every value it left empty (source path, file signature, record line,
// other holders; the entity list too when it does not tag), the root-folder terms,
// and the entity terms when it does not tag.
void carry_over(const Xapian::Document& old, Xapian::Document& fresh, bool tagged) {
    for (auto v = old.values_begin(); v != old.values_end(); ++v) {
        if (v.get_valueno() == schema::kEntitiesSlot && tagged) continue;  // none found now
        if (fresh.get_value(v.get_valueno()).empty()) fresh.add_value(v.get_valueno(), *v);
    }
    std::vector<std::string_view> prefixes{schema::kRootDirPrefix};
    if (!tagged)
        for (const schema::EntityTypePrefix& type : schema::kEntityTypes) prefixes.push_back(type.prefix);
    for (std::string_view prefix : prefixes) {
        const std::string p(prefix);
        for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
            t.skip_to(p);
            if (t == old.termlist_end() || !(*t).starts_with(p)) break;
            fresh.add_boolean_term(*t);
        }
    }
}

}  // namespace

long retag_all(SharedDatabase& db, const DocumentBuilder& builder, const CommitLimits& limits,
               const std::string& fingerprint, const std::atomic<int>& stop) {
    std::lock_guard lock(db.mutex);
    const auto [done, whole] = rewrite_all(db, limits, stop, [&](Xapian::Document& xdoc, schema::StoredDocument& doc) {
        builder.retag(doc, xdoc);
        xdoc.set_data(schema::serialize(doc));
    });
    if (!whole) return done;
    db.db.set_metadata(std::string(schema::kEntityFingerprintKey), fingerprint);
    db.db.commit();
    return done;
}

long reanalyse_all(SharedDatabase& db, DocumentBuilder& builder, const CommitLimits& limits,
                   const std::string& fingerprint, const std::string& entity_fingerprint,
                   const std::atomic<int>& stop) {
    std::lock_guard lock(db.mutex);
    // Set before the first document changes, so a stopped run's words get counted.
    db.db.set_metadata(std::string(schema::kSpellingStaleKey), "1");
    db.spelling_marked_stale = true;
    // Goes with the first batch: from then on the index holds both analyses.
    db.db.set_metadata(std::string(schema::kAnalysisKey), std::string(kAnalysisInProgress) + fingerprint);
    StemSynonyms synonyms;
    const auto [done, whole] = rewrite_all(db, limits, stop, [&](Xapian::Document& xdoc, schema::StoredDocument& doc) {
        Xapian::Document fresh = builder.build(doc);  // stores doc (its entities, when it tags)
        carry_over(xdoc, fresh, builder.tags_entities());
        synonyms.record(db.db, fresh);
        xdoc = std::move(fresh);
    });
    if (!whole) return done;
    db.db.set_metadata(std::string(schema::kAnalysisKey), fingerprint);
    if (builder.tags_entities()) db.db.set_metadata(std::string(schema::kEntityFingerprintKey), entity_fingerprint);
    db.db.commit();
    return done;
}

}  // namespace naba::indexer
