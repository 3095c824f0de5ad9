// A heavier, root-like Arabic stem in the manner of the ISRI stemmer (Taghva,
// Elkhoribi and Coombs, "Arabic Stemming Without a Root Dictionary", 2005): strip the
// article and the longer affixes, then match the word against the common derivational
// patterns of its length (مفعول, افتعل, استفعل, ...) and keep the letters in the root
// slots; when no pattern fits, drop one affix letter and try the shorter length.
//
// Why a second stem: Light10 only removes affixes, so derived forms of one root stay
// apart (بالسفر -> سفر but يسافر -> يسافر, مدرسه -> مدرس). Naba indexes this stem as
// an extra low-weight term (schema::kArabicRootPrefix) beside the Light10 stem, which
// stays the main one; combining light and root stems beats either alone in the
// Arabic IR literature (Larkey et al. 2002/2007; Darwish and Oard 2002). Being
// aggressive is acceptable because it only adds weight, never replaces the light stem.
// Input is a normalized Arabic word (text/arabic_normalizer.h: ة -> ه, ى -> ي,
// hamza seats -> ء, alef forms -> ا).
#pragma once

#include <string>
#include <string_view>

namespace naba::stem {

// The root-like stem of one normalized Arabic word; words of 3 letters or fewer and
// words that no rule reduces come back as the word with its affixes removed.
std::string arabic_root(std::string_view word);

}  // namespace naba::stem
