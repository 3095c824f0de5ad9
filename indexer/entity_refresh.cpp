#include "entity_refresh.h"

#include <vector>

#include "schema.h"

namespace naba::indexer {

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

}  // namespace naba::indexer
