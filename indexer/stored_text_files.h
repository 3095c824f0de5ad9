// What the index records of its text files (each document's id, file path and stat
// signature), read in one pass over Xapian's value streams. An unchanged re-run over
// many small files asks this for each file instead of reading each document's values
// one by one, which was most of that run's time (a B-tree look-up per value), and
// finds the document by the id in its value (schema::kFileIdSlot) rather than by a
// look-up of its id term (then two fifths of that run's own instructions). The paths
// and ids are kept end to end in one string, and the records in one array by docid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "file_signature.h"

namespace naba::indexer {

class StoredTextFiles {
  public:
    struct File {
        Xapian::docid docid;
        std::string_view path;  // valid as long as this StoredTextFiles
        FileSignature sig;      // size and times; the hash is not read
    };

    explicit StoredTextFiles(const Xapian::Database& db);

    // The file document `docid` was indexed from, or none (not a text file's).
    std::optional<File> find(Xapian::docid docid) const;
    // The text file document whose kFileIdSlot is `id`; none when no document has that
    // id in the slot (an older naba-index's documents do not: ask find() then).
    std::optional<File> find_id(std::string_view id) const;

    // Whether a run over `text_files` files does better to read every record once than
    // to look each file up on its own, in an index of `documents`.
    static bool worth_reading(std::size_t text_files, Xapian::doccount documents);

  private:
    struct Record {
        Xapian::docid docid;
        std::uint32_t path_size;
        std::size_t path_start;  // in text_
        FileSignature sig;
    };
    File file(const Record& r) const;

    std::vector<Record> records_;  // by docid, as the value streams give them
    std::string text_;             // the paths and ids
    std::unordered_map<std::string_view, std::size_t> by_id_;  // id (in text_) -> index in records_
};

}  // namespace naba::indexer
