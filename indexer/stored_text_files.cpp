#include "stored_text_files.h"

#include "schema.h"

namespace naba::indexer {

StoredTextFiles::StoredTextFiles(const Xapian::Database& db) {
    // Only text files' documents have a size; their other slots are read in step.
    Xapian::ValueIterator times = db.valuestream_begin(schema::kFileMtimeSlot);
    Xapian::ValueIterator paths = db.valuestream_begin(schema::kSourcePathSlot);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kFileSizeSlot);
    for (Xapian::ValueIterator size = db.valuestream_begin(schema::kFileSizeSlot); size != end; ++size) {
        const Xapian::docid docid = size.get_docid();
        if (!skip_to_document(times, docid) || !skip_to_document(paths, docid)) continue;
        files_.emplace(docid, File{*paths, decode_file_signature(*size, *times, {})});
    }
}

const StoredTextFiles::File* StoredTextFiles::find(Xapian::docid docid) const {
    const auto it = files_.find(docid);
    return it == files_.end() ? nullptr : &it->second;
}

bool StoredTextFiles::worth_reading(std::size_t text_files, Xapian::doccount documents) {
    // A few hundred look-ups cost less than any pass; past that, a pass over the index
    // pays when the run names a fair share of its files.
    constexpr std::size_t kMinFiles = 256;
    return documents > 0 && text_files >= kMinFiles && text_files * 16 >= documents;
}

}  // namespace naba::indexer
