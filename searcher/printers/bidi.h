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
// right-to-left characters is returned unchanged. The text's own explicit directional
// characters are dropped first (without_explicit_directions), so the isolates written
// are the only ones, and balanced.
std::string isolate_rtl_runs(std::string_view utf8, char open_mark = '\0', char close_mark = '\0');

// The text without the explicit directional formatting characters (embeddings and
// overrides U+202A..U+202E, isolates U+2066..U+2069), whose effect lasts until a
// matching pop: a document's stray U+202E reversed the rest of a printed line, and a
// snippet may cut away the pop that ended it. The marks LRM, RLM and ALM, which set no
// state, are kept.
std::string without_explicit_directions(std::string_view utf8);

}  // namespace naba::searcher
