// The one way naba-search writes a message to stderr, and the terminal-safe text
// functions (common/text/terminal_text.h) its output uses, by their short names.
#pragma once

#include <string_view>

#include "text/terminal_text.h"

namespace naba::searcher {

using text::escape_controls;
using text::excerpt;
using text::has_control;
using text::one_line;
using text::squeeze_spaces;

// Writes "naba-search: MESSAGE" and a newline to stderr, its control characters
// escaped (escape_controls): messages quote queries, qids, field names and paths.
void report(std::string_view message);

}  // namespace naba::searcher
