// Dotted initialisms as one word: "u.s." -> "us", "n.y." -> "ny", "u.n." -> "un".
// A stage of the analysis chain (analyzer.h), run on case-folded text. Xapian's
// TermGenerator and QueryParser join "U.S." into "us" themselves, but only for upper
// case letters, and Naba folds case before they see the text; without this stage
// "U.S." became the two words "u" and "s" and "U.S. troops" did not find "US troops".
#pragma once

#include <string>
#include <string_view>

namespace naba::text {

// Joins every run of two or more single ASCII letters each followed by a period (the
// last period may be missing: "u.s"), standing alone as a word (no letter, digit or
// mark of any script touches it; punctuation may: “u.s.”, u.s.—led), into the letters
// alone. Linear in the text's length. Everything else is returned unchanged.
std::string join_initialisms(std::string folded);

}  // namespace naba::text
