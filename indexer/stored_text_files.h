// What the index records of its text files (each document's file path and stat
// signature), read in one pass over Xapian's value streams. An unchanged re-run over
// many small files asks this for each file instead of reading each document's values
// one by one, which was most of that run's time (a B-tree look-up per value).
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

#include "file_signature.h"

namespace naba::indexer {

class StoredTextFiles {
  public:
    struct File {
        std::string path;
        FileSignature sig;  // size and times; the hash is not read
    };

    explicit StoredTextFiles(const Xapian::Database& db);

    // The file document `docid` was indexed from, or nullptr (not a text file's).
    const File* find(Xapian::docid docid) const;

    // Whether a run over `text_files` files does better to read every record once than
    // to look each file up on its own, in an index of `documents`.
    static bool worth_reading(std::size_t text_files, Xapian::doccount documents);

  private:
    std::unordered_map<Xapian::docid, File> files_;
};

}  // namespace naba::indexer
