// Keeps right-to-left text readable in a terminal: wraps each run of Arabic (or
// other right-to-left) text in Unicode directional isolates (RLI ... PDI), so a line
// mixing Arabic with ids, numbers and English is laid out in the right order.
#pragma once

#include <string>
#include <string_view>

namespace naba::searcher {

inline constexpr std::string_view kRli = "\u2067";  // RIGHT-TO-LEFT ISOLATE
inline constexpr std::string_view kPdi = "\u2069";  // POP DIRECTIONAL ISOLATE

// A run starts at a strong right-to-left character and ends at the last strong
// right-to-left character before a strong left-to-right one (or the end); neutral
// characters inside (spaces, digits, punctuation) belong to it, those at its edges
// do not, except an open_mark right before it and a close_mark right after it (the
// marks around a matched word, which must stay on either side of it). Text without
// right-to-left characters is returned unchanged.
std::string isolate_rtl_runs(std::string_view utf8, char open_mark = '\0', char close_mark = '\0');

}  // namespace naba::searcher
