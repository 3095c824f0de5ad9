#include "stored_text_files.h"

#include <algorithm>

#include "schema.h"

namespace naba::indexer {

StoredTextFiles::StoredTextFiles(const Xapian::Database& db) {
    // Only text files' documents have a size; their other slots are read in step.
    Xapian::ValueIterator times = db.valuestream_begin(schema::kFileMtimeSlot);
    Xapian::ValueIterator paths = db.valuestream_begin(schema::kSourcePathSlot);
    Xapian::ValueIterator ids = db.valuestream_begin(schema::kFileIdSlot);
    records_.reserve(db.get_value_freq(schema::kFileSizeSlot));
    std::vector<std::pair<std::size_t, std::size_t>> id_spans;  // in text_, by record
    id_spans.reserve(records_.capacity());
    const Xapian::ValueIterator end = db.valuestream_end(schema::kFileSizeSlot);
    for (Xapian::ValueIterator size = db.valuestream_begin(schema::kFileSizeSlot); size != end; ++size) {
        const Xapian::docid docid = size.get_docid();
        if (!skip_to_document(times, docid) || !skip_to_document(paths, docid)) continue;
        const std::string path = *paths;
        records_.push_back({docid, static_cast<std::uint32_t>(path.size()), text_.size(),
                            decode_file_signature(*size, *times, {})});
        text_ += path;
        if (skip_to_document(ids, docid)) {
            const std::string id = *ids;
            id_spans.emplace_back(text_.size(), id.size());
            text_ += id;
        } else {
            id_spans.emplace_back(0, std::string::npos);
        }
    }
    // Views into text_ once it has stopped growing.
    by_id_.reserve(id_spans.size());
    std::vector<std::string_view> doubled;
    for (std::size_t i = 0; i < id_spans.size(); ++i) {
        if (id_spans[i].second == std::string::npos) continue;
        const std::string_view id = std::string_view(text_).substr(id_spans[i].first, id_spans[i].second);
        if (!by_id_.emplace(id, i).second) doubled.push_back(id);
    }
    // An id is one document's; should two records claim one, neither is trusted.
    for (std::string_view id : doubled) by_id_.erase(id);
}

StoredTextFiles::File StoredTextFiles::file(const Record& r) const {
    return File{r.docid, std::string_view(text_).substr(r.path_start, r.path_size), r.sig};
}

std::optional<StoredTextFiles::File> StoredTextFiles::find(Xapian::docid docid) const {
    const auto it = std::lower_bound(records_.begin(), records_.end(), docid,
                                     [](const Record& r, Xapian::docid d) { return r.docid < d; });
    if (it == records_.end() || it->docid != docid) return std::nullopt;
    return file(*it);
}

std::optional<StoredTextFiles::File> StoredTextFiles::find_id(std::string_view id) const {
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return file(records_[it->second]);
}

bool StoredTextFiles::worth_reading(std::size_t text_files, Xapian::doccount documents) {
    // A few hundred look-ups cost less than any pass; past that, a pass over the index
    // pays when the run names a fair share of its files.
    constexpr std::size_t kMinFiles = 256;
    return documents > 0 && text_files >= kMinFiles && text_files * 16 >= documents;
}

}  // namespace naba::indexer
