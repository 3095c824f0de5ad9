#include "terminal_text.h"

#include <iostream>

namespace naba::searcher {

void report(std::string_view message) { std::cerr << "naba-search: " << escape_controls(message) << '\n'; }

}  // namespace naba::searcher
