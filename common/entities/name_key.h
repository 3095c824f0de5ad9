// Phonetic keys for tolerating transliteration variants of names (Whitkoff = Witkoff,
// Lavrof = Lavrov, زلنسكي = زيلينسكي) without matching ordinary words.
//
// A normalized token (Analyzer::normalize output) is mapped letter by letter onto
// equivalence classes of sounds that transliterations swap: b/p, c/k/q, d/t, f/v/w,
// s/z/x; in Arabic ت/ط, س/ص/ز/ذ/ث/ظ, ج/غ/ق, ح/خ, د/ض. Vowels keep three classes
// (A; e/i/y = I; o/u = U; Arabic ا ء ع ه = A, ي = I, و = U), Latin 'h' is dropped
// (Whitkoff, Khamenei/Kamenei) and doubled letters collapse. The skeleton is the key
// without its vowels.
//
// Two names are variants when (fuzzy_variant):
//  - both keys have the same skeleton, of at least 3 consonants (4 in Arabic, where
//    short words share skeletons: السياسي "political" / السيسي Sisi);
//  - they end in the same class (so demonyms stay apart: Israeli/Israel,
//    اوكراني/اوكرانيا, Russian/Russia);
//  - the text word has at least 5 letters;
//  - Latin names start with the same letter (but c/k/q, v/w and y/j/i; for first
//    names also e/i and o/u);
//  - their keys are within a small edit distance: Latin writes its vowels, so 0 for
//    keys up to 5 classes (Putin/Poutine-like respellings only), 1 up to 8, 2 beyond;
//    Arabic often omits long vowels, so up to 2 vowel letters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace naba::entities {

struct NameKey {
    std::string key;       // class letters, e.g. "FITKUF" for witkoff
    std::string skeleton;  // script marker + consonant classes, e.g. "lFTKF"
    std::size_t letters = 0;  // code points in the token
    char first = 0;           // Latin: the token's first letter
    bool arabic = false;
};

// The key of one normalized token; nullopt when it is not a single-script word of
// Latin or Arabic letters (digits, other scripts).
std::optional<NameKey> name_key(std::string_view normalized_token);

// The first letter a Latin name's spellings share, as one letter per class: c, k and
// q are one (Kadyrov/Qadyrov), so are v and w (Vitkoff/Witkoff) and y, j and i
// (Yermak/Jermak); for first names also e with i (Esmail/Ismail) and o with u
// (Usama/Osama), which for any word would make Urban an Orban.
char first_letter_class(char first, bool first_names = false);

// Levenshtein distance between a and b, or bound + 1 when it exceeds bound.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound);

// True when the text word `word` is a transliteration variant of the alias token
// `alias` under the rules above; `first_names` when both are first names.
bool fuzzy_variant(const NameKey& word, const NameKey& alias, bool first_names = false);

}  // namespace naba::entities
