// Documents whose id more than one input file holds (overlapping dumps, a record
// copied into two files). The reader notes on the document it writes the other
// files that held the id (schema::kOtherHoldersSlot). When the document's own file
// drops the id or disappears, the writer hands the document to one of those files
// that is still there instead of removing it, and has that file read again on the
// next run, which then takes its record, or removes the id if the file no longer
// has it. So a document goes only when no file that held it has it any more.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace naba::indexer {

// At most this many other holders are kept per document, the most recent: one id in
// thousands of files (hostile input) must not grow a value without bound.
inline constexpr std::size_t kMaxOtherHolders = 32;

// Oldest first, as the reader adds them.
std::string encode_holders(const std::vector<std::string>& paths);
std::vector<std::string> decode_holders(std::string_view value);

// Adds `path` as the most recent (moving it if listed already) unless it is empty or
// `own`, and keeps the kMaxOtherHolders most recent.
void add_holder(std::vector<std::string>& holders, const std::string& path, const std::string& own);

// Document `docid` has left the file `from`. Hands it to its most recent other holder
// that is still a file and returns that file's path, or returns "" when there is none
// and the document should go. A handed-over document names its new file, has the root
// terms of the indexed folders that hold that file and no content hash (so the
// file's next read indexes its record again), and the file's JSONL entry asks for
// that read.
std::string hand_over(Xapian::WritableDatabase& db, Xapian::docid docid, const std::string& from);

// `path` was read to its end and has only the ids `id_terms`: the documents that
// list it as another holder of an id it no longer has stop listing it, so that no
// document is handed to it later (and kept a run longer) for an id it dropped.
void forget_holder(Xapian::WritableDatabase& db, const std::string& path,
                   const std::unordered_set<std::string>& id_terms);

// The note for `count` documents `from` no longer holds that went to `to`.
std::string handed_over_note(const std::string& from, const std::string& to, long count);

}  // namespace naba::indexer
