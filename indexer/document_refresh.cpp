#include "document_refresh.h"

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "analysis_fingerprint.h"
#include "analysis_options.h"
#include "schema.h"

namespace naba::indexer {
namespace {

// What DocumentBuilder::build does not make from the stored record, read from the
// indexed document: every value (source path, file signature, record line, other
// holders; build() sets its own over them), the root-folder terms, the entity terms
// when the build does not tag, and the id term. The id term is the document's own,
// not the stored id's: an earlier naba-index filed a file whose name is not UTF-8
// under the name's raw bytes and stored the id made UTF-8 (U+FFFD), and its file
// finds the document by the raw name's term (InputFile::legacy_id). Plain copies:
// the analysis threads must not touch the database's lazily read documents.
struct KeptParts {
    std::vector<std::pair<Xapian::valueno, std::string>> values;
    std::vector<std::string> terms;
    std::vector<std::string> id_terms;
};

bool kept_term(std::string_view term, bool tagging) {
    if (term.starts_with(schema::kRootDirPrefix)) return true;
    return !tagging && schema::is_entity_term(term);
}

KeptParts kept_parts(const Xapian::Document& old, bool tagging) {
    KeptParts kept;
    for (auto v = old.values_begin(); v != old.values_end(); ++v)
        if (v.get_valueno() != schema::kEntitiesSlot || !tagging) kept.values.emplace_back(v.get_valueno(), *v);
    // One pass, up to the last prefix kept: the term list is sorted, and the words
    // (lower case, non-ASCII) come after every prefix.
    const char last = std::max({schema::kIdPrefix[0], schema::kRootDirPrefix[0], schema::kPersonPrefix[0],
                                schema::kPlacePrefix[0], schema::kOrgPrefix[0], schema::kUnknownEntityPrefix[0]});
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
        const std::string& term = *t;
        if (term.empty()) continue;
        if (term[0] > last) break;
        if (term.starts_with(schema::kIdPrefix)) kept.id_terms.push_back(term);
        else if (kept_term(term, tagging)) kept.terms.push_back(term);
    }
    return kept;
}

void add_kept_parts(const KeptParts& kept, const schema::StoredDocument& doc, Xapian::Document& fresh) {
    for (const auto& [slot, value] : kept.values)
        if (fresh.get_value(slot).empty()) fresh.add_value(slot, value);
    for (const std::string& term : kept.terms) fresh.add_boolean_term(term);
    if (kept.id_terms.empty()) return;
    const std::string built = schema::id_term(doc.id);
    const bool own_id = std::find(kept.id_terms.begin(), kept.id_terms.end(), built) != kept.id_terms.end();
    if (!own_id) fresh.remove_term(built);
    for (const std::string& term : kept.id_terms) fresh.add_boolean_term(term);
    // A text file's document from a naba-index before schema::kFileIdSlot gets it, as
    // analyse() gives it: else every unchanged re-run looks its id term up, one by one.
    // Not under a raw name's id term: its file's id is not the stored one.
    if (own_id && !fresh.get_value(schema::kFileSizeSlot).empty() && fresh.get_value(schema::kFileIdSlot).empty())
        fresh.add_value(schema::kFileIdSlot, doc.id);
}

// One document on its way through the re-analysis.
struct Reanalysis {
    Xapian::docid id = 0;
    schema::StoredDocument doc;
    KeptParts kept;
    Xapian::Document fresh;
};
using ReanalysisBatch = std::shared_ptr<std::vector<Reanalysis>>;

// Documents read (and written) at a time: enough to keep the threads busy between
// two turns of the database lock.
constexpr std::size_t kReanalysisChunk = 64;

// The groups the earlier analysis made list forms under stems this one does not give
// them (another stemmer, other folding), so a query word whose stem is such a key
// would match forms a fresh index never groups with it: once every document is built
// again, the table is listed anew from the index's terms, as a fresh build lists it.
// The documents' forms are not listed one by one as they are written: that took a
// look-up per new form on the one writer's thread, a third of a re-analysis's time
// on the news corpora (bench/RESULTS.md), for a table listed anew in the end.
void relist_stem_synonyms(Xapian::WritableDatabase& db) {
    if (!analysis_options().stem_synonyms) return;
    const std::vector<std::string> keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const std::string& key : keys) db.clear_synonyms(key);
    StemSynonyms().record_all(db);
}

}  // namespace

long retag_all(SharedDatabase& db, const DocumentBuilder& builder, const CommitLimits& limits,
               const std::string& fingerprint, const std::atomic<int>& stop) {
    std::lock_guard lock(db.mutex);
    // The ids first: replacing documents while walking the posting list of all
    // documents would walk a list that changes under it.
    std::vector<Xapian::docid> ids;
    for (auto p = db.db.postlist_begin(""); p != db.db.postlist_end(""); ++p) ids.push_back(*p);
    PendingBatch pending(limits);
    long done = 0;
    for (Xapian::docid id : ids) {
        if (stop.load()) {
            db.db.commit();
            return done;
        }
        Xapian::Document xdoc = db.db.get_document(id);
        schema::StoredDocument doc = schema::deserialize(xdoc.get_data());
        builder.retag(doc, xdoc);
        xdoc.set_data(schema::serialize(doc));
        db.db.replace_document(id, xdoc);
        ++done;
        if (pending.add(doc.text.size() + doc.title.size())) {
            db.db.commit();
            pending.reset();
        }
    }
    db.db.set_metadata(std::string(schema::kEntityFingerprintKey), fingerprint);
    db.db.commit();
    return done;
}

long reanalyse_all(SharedDatabase& db, const entities::EntityTagger* tagger, int threads, const CommitLimits& limits,
                   const std::string& fingerprint, const std::string& entity_fingerprint,
                   const std::atomic<int>& stop) {
    std::vector<Xapian::docid> ids;
    {
        std::lock_guard lock(db.mutex);
        for (auto p = db.db.postlist_begin(""); p != db.db.postlist_end(""); ++p) ids.push_back(*p);
        // Set before the first document changes, so a stopped run's words get counted.
        db.db.set_metadata(std::string(schema::kSpellingStaleKey), "1");
        db.spelling_marked_stale = true;
        // Goes with the first batch: from then on the index holds both analyses.
        db.db.set_metadata(std::string(schema::kAnalysisKey), std::string(kAnalysisInProgress) + fingerprint);
    }
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    tbb::enumerable_thread_specific<std::unique_ptr<AnalysisWorker>> workers(
        [tagger] { return std::make_unique<AnalysisWorker>(tagger); });
    PendingBatch pending(limits);
    std::size_t next = 0;
    long done = 0;
    auto read = [&](tbb::flow_control& flow) -> ReanalysisBatch {
        if (next == ids.size() || stop.load()) {
            flow.stop();
            return nullptr;
        }
        auto batch = std::make_shared<std::vector<Reanalysis>>();
        std::lock_guard lock(db.mutex);
        for (; next < ids.size() && batch->size() < kReanalysisChunk; ++next) {
            const Xapian::Document old = db.db.get_document(ids[next]);
            batch->push_back({ids[next], schema::deserialize(old.get_data()), kept_parts(old, tagger != nullptr), {}});
        }
        return batch;
    };
    auto build = [&](ReanalysisBatch batch) {
        AnalysisWorker& worker = *workers.local();
        for (Reanalysis& r : *batch) {
            r.fresh = worker.builder.build(r.doc);  // stores doc (its entities, when it tags)
            add_kept_parts(r.kept, r.doc, r.fresh);
        }
        return batch;
    };
    auto write = [&](ReanalysisBatch batch) {
        std::lock_guard lock(db.mutex);
        for (Reanalysis& r : *batch) {
            db.db.replace_document(r.id, r.fresh);
            ++done;
            if (pending.add(r.doc.text.size() + r.doc.title.size())) {
                db.db.commit();
                pending.reset();
            }
        }
    };
    tbb::parallel_pipeline(static_cast<std::size_t>(threads) * 2,
                           tbb::make_filter<void, ReanalysisBatch>(tbb::filter_mode::serial_in_order, read) &
                               tbb::make_filter<ReanalysisBatch, ReanalysisBatch>(tbb::filter_mode::parallel, build) &
                               tbb::make_filter<ReanalysisBatch, void>(tbb::filter_mode::serial_in_order, write));
    std::lock_guard lock(db.mutex);
    if (done == static_cast<long>(ids.size())) {
        relist_stem_synonyms(db.db);
        db.db.set_metadata(std::string(schema::kAnalysisKey), fingerprint);
        if (tagger) db.db.set_metadata(std::string(schema::kEntityFingerprintKey), entity_fingerprint);
    }
    db.db.commit();
    return done;
}

}  // namespace naba::indexer
