// What "did you mean" shows. Xapian's corrected query string is the normalized query
// (lower-cased, أ → ا, ة → ه, ...) with its misspelt words replaced by words of the
// spelling table, which holds index terms normalized alike: Zelensky Genva was told
// "did you mean: zelensky geneva", الهدنة المؤقته "الهدنه ...", spellings no document
// has. The suggestion keeps the user's own words where it does not change them, and
// shows each word it brings in as a document writes it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analyzer.h"

namespace naba::searcher {

// A query chunk from its first to its last word character: the word without the
// quotes, parentheses or +/- written against it ("" when it has no word character).
std::string word_core(std::string_view chunk);

// The suggestion to show for `written` (the query as typed), `normalized` (as Xapian
// read it) and `corrected` (Xapian's corrected string of it), or "" when it corrects
// nothing. Words are compared chunk by chunk between white space. A word that needs no
// correction (`known`, given its normalized core: a stop word, a word the index finds)
// keeps its normalized form; a chunk unchanged is shown as typed (when the chunks of
// `written` and `normalized` pair up); a word brought in is shown as `spelt` gives it.
std::string shown_correction(std::string_view written, std::string_view normalized, std::string_view corrected,
                             const std::function<bool(const std::string&)>& known,
                             const std::function<std::string(const std::string&)>& spelt);

// An index term (a normalized word) as the first documents that hold it write it in
// their text or title (Geneva for geneva, الهدنة for الهدنه), in capitals only when
// they write it no other way (a wire dateline's GENEVA); else the term itself.
std::string spelt_in_documents(const Xapian::Database& db, const Analyzer& analyzer, const std::string& term);

}  // namespace naba::searcher
