// Checks of a query's text as it arrives (the QUERY words, a --batch line), before it
// is read as a query: whether there is a query at all, and whether it is UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace naba::searcher {

// True when `text` holds nothing but white space, control characters and invisible
// format characters of any script (a no-break space, U+3000, a zero-width space, a
// byte order mark): no query, as an empty one. Such a query said "'  ' has no words
// to search, only operators or punctuation" and exited 1; one of ASCII spaces was
// "no QUERY given" (status 2).
bool is_blank(std::string_view text);

// "" when `query` is UTF-8; else where it is not, for a message: "byte 0xE9 at byte
// 4". Bytes that are not UTF-8 were searched as word breaks: caf\xE9 (Latin-1) found
// the documents with "caf".
std::string encoding_problem(std::string_view query);

}  // namespace naba::searcher
