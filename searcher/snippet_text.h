// The text naba-search gives Xapian's snippet generator when the document's own text
// gave a snippet without a match. Xapian builds a snippet of whole words, up to a
// length in bytes; a run of text without white space longer than that (a string of
// 3000 letters, hundreds of accented letters or emoji) fits in none, so a document
// whose match sits between two such runs showed "…" alone.
#pragma once

#include <string>
#include <string_view>

namespace naba::searcher {

// The text with each run without white space longer than `max_bytes` cut to its
// first `keep_bytes` bytes or fewer, ending at a character boundary (a grapheme
// cluster: a letter keeps its accents), and "…". Text without such a run comes back
// as it is.
std::string shorten_long_runs(std::string_view text, std::size_t max_bytes, std::size_t keep_bytes);

}  // namespace naba::searcher
