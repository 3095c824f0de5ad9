// Readers that turn input files into StoredDocuments:
//  - text files (.txt, .md): an optional header block of "Key: value" lines (Title,
//    Date, Source, URL, Lang) ended by a blank line, then the body;
//  - JSON Lines (.jsonl): one object per line with "id" and "text" required and
//    "title", "date", "source", "url", "lang" optional.
// Readers report problems through a callback and never drop a document silently.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "schema.h"

namespace naba::indexer {

// A problem found while reading: where (file, and line for JSONL) and what.
struct ReadProblem {
    std::string path;
    long line = 0;
    std::string message;
    bool skipped = false;  // true when the document (or line) was not indexed
    std::string reason = "malformed JSONL line";  // the run summary's reason, when skipped
};
using ProblemSink = std::function<void(const ReadProblem&)>;
using DocumentSink = std::function<void(schema::StoredDocument&&)>;

// Parses a whole text file. `bytes` must already be valid UTF-8.
schema::StoredDocument parse_text_document(std::string_view bytes, std::string id,
                                           std::string path, const ProblemSink& problems);

// Parses JSON Lines from `bytes` (the whole file, valid UTF-8 or not: each line is
// checked and repaired on its own). `first_line` is the line number of the first line
// of `bytes` (a chunk of a larger file). Returns the number of documents delivered.
long parse_jsonl(std::string_view bytes, const std::string& path, const DocumentSink& sink,
                 const ProblemSink& problems, long first_line = 1);

}  // namespace naba::indexer
