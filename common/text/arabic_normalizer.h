// Arabic orthographic normalization: the lossy stage that makes spelling variants of
// one Arabic word identical before stop words and stemming.
//
//  - removes harakat and other combining marks (U+064B..U+065F), superscript alef
//    (U+0670), Quranic annotation marks (U+06D6..U+06ED) and tatweel (U+0640);
//  - maps the alef forms أ إ آ ٱ ٲ ٳ to ا, ى to ي, ة to ه, Persian ی to ي, ک to ك,
//    and the letters of foreign sounds پ ڤ چ to ب ف ج (ترمپ = ترمب, لافروڤ = لافروف);
//  - maps the hamza seats ؤ and ئ to the bare hamza ء.
//
// Why ؤ/ئ -> ء: news spells the same word with either seat depending on the
// region (مسؤول / مسئول, شؤون / شئون, رؤساء / رئساء); the seat carries no meaning of
// its own once أ and إ are already folded to ا. Mapping to ء (rather than to و / ي)
// keeps the hamza, so the words do not collapse into unrelated hamza-less words
// (سؤال stays apart from سوال-like forms, رئيس from ريس).
#pragma once

#include <string>
#include <string_view>

namespace naba::text {

// What one code point becomes: itself, another letter, or nothing (0).
char32_t arabic_fold(char32_t c);

// Applies arabic_fold to every code point. Text without Arabic-block characters is
// returned unchanged.
std::string arabic_normalize(std::string_view utf8);

}  // namespace naba::text
