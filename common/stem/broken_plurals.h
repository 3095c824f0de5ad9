// Frequent Arabic broken plurals, mapped to their singular's Light10 stem.
//
// Why: a broken plural changes the word's inside (أطفال / طفل, صواريخ / صاروخ), so no
// affix-stripping stemmer brings the two together, and the root terms of
// stem/arabic_root.h only catch plurals whose pattern is in its list. A small list
// of plurals that are frequent in news and general prose closes the most common gaps.
// The list (broken_plurals.cpp) was written by hand from general Modern Standard
// Arabic vocabulary (people, places, time, conflict and institutions); it was not
// drawn from any evaluation set. Plurals whose stem is also the stem of an unrelated
// frequent word are left out: أسرى -> اسر as أسرة "family", قتلى -> قتل "killing",
// بنات -> بن as in بن لادن, آباء -> اب "August", and, found by stemming every word of
// the Al Jazeera news corpus (../shared/news) and reading which words each listed stem
// collects, مدن as المدني "civilian", صحف as صحفي "journalist", مصالح as المصالحة
// "reconciliation", مسائل as المساءلة "accountability", أدوية as أدوات "tools",
// مدافع as المدافعين "defenders", تجار as التجارة "trade".
//
// The mapping works on Light10 stems, so every clitic and suffix form of a plural
// (الأطفال, وأطفالهم, لأطفال) meets every form of the singular. It is applied inside
// the shared stemmer (stem/script_stemmer.h), so the index and the queries agree.
#pragma once

#include <string>
#include <span>
#include <string_view>

namespace naba::stem {

// The singular's stem for the Light10 stem of a listed broken plural; `stem`
// itself for any other stem.
std::string_view singular_stem(std::string_view stem);

// The normalized singular for the Light10 stem of a listed plural; "" otherwise.
std::string_view singular_word(std::string_view stem);

// The (plural, singular) pairs of the list as written, for tests.
struct BrokenPlural {
    std::string_view plural;
    std::string_view singular;
};
std::span<const BrokenPlural> broken_plural_list();

}  // namespace naba::stem
