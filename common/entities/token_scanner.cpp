#include "entities/token_scanner.h"

#include <unicode/uchar.h>

#include <array>

#include "text/script.h"
#include "text/utf8.h"

namespace naba::entities {
namespace {

bool is_apostrophe(char32_t c) { return c == '\'' || c == U'\u2019' || c == U'\u02BC'; }

// What the scanner asks of a character: is it a word character, its script, is it
// upper case. ASCII (nearly all of English text) and the Arabic block (nearly all of
// Arabic text) are answered from tables filled by the shared functions themselves, so
// the answers are theirs; the per-character calls into ICU were most of the scanner's
// time.
struct CharInfo {
    bool word = false;
    text::Script script = text::Script::other;
    bool upper = false;
};

// Script and case only for word characters, and case only for letters: the scanner
// asks nothing else.
CharInfo char_info(char32_t c) {
    CharInfo info;
    info.word = text::is_word_char(c);
    if (!info.word) return info;
    info.script = text::script_of(c);
    info.upper = info.script != text::Script::other && u_isupper(static_cast<UChar32>(c));
    return info;
}

constexpr char32_t kArabicBlock = 0x0600;  // U+0600..U+06FF

struct CharTables {
    std::array<CharInfo, 0x80> ascii;
    std::array<CharInfo, 0x100> arabic;
};

const CharTables& char_tables() {
    static const CharTables tables = [] {
        CharTables t{};
        for (char32_t c = 0; c < t.ascii.size(); ++c) t.ascii[c] = char_info(c);
        for (char32_t c = 0; c < t.arabic.size(); ++c) t.arabic[c] = char_info(kArabicBlock + c);
        return t;
    }();
    return tables;
}

// The answers for any character, given the tables (fetched once per scan).
inline CharInfo info_of(const CharTables& tables, char32_t c) {
    if (c < 0x80) return tables.ascii[c];
    if (c - kArabicBlock < tables.arabic.size()) return tables.arabic[c - kArabicBlock];
    return char_info(c);
}

inline bool is_word_char(const CharTables& tables, char32_t c) {
    if (c < 0x80) return tables.ascii[c].word;
    if (c - kArabicBlock < tables.arabic.size()) return tables.arabic[c - kArabicBlock].word;
    return text::is_word_char(c);
}

// What the gap between two tokens says about the second one.
struct Gap {
    bool sentence_end = false;
    bool hard = false;
    bool only_space = true;
    int joiners = 0;  // hyphens and apostrophes
    bool space = false;
};

void note_gap_char(Gap& gap, char32_t c) {
    if (c == ' ' || c == U'\u00A0' || c == '\t') {
        gap.space = true;
        return;
    }
    if (c == '\n' || c == '\r' || c == U'\u2029') {
        gap.sentence_end = gap.hard = true;
        gap.only_space = false;
        return;
    }
    gap.only_space = false;
    if (c == '-' || c == U'\u2010' || is_apostrophe(c)) ++gap.joiners;
    if (c == '.' || c == '!' || c == '?' || c == U'\u061F') gap.sentence_end = true;
    if (c == '-' || c == U'\u2010' || c == '.' || c == ',' || c == U'\u060C' || is_apostrophe(c)) return;
    gap.hard = true;
}

}  // namespace

std::vector<RawToken> scan_tokens(std::string_view text) {
    const CharTables& tables = char_tables();
    std::vector<RawToken> tokens;
    tokens.reserve(text.size() / 6 + 1);
    Gap gap{true, true, false};  // the text start counts as a sentence start
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t c = text::next_code_point(text, i);
        if (!is_word_char(tables, c)) {
            note_gap_char(gap, c);
            continue;
        }
        RawToken token;
        token.begin = start;
        token.sentence_start = gap.sentence_end;
        token.hard_break = gap.hard;
        // Within a name: spaces only, or one hyphen/apostrophe without spaces (al-Sharaa).
        token.spaced = gap.only_space || (gap.joiners == 1 && !gap.space && !gap.hard && !gap.sentence_end);
        std::size_t letters = 0, upper = 0;
        // Scan the run; stop at a non-word character or at a change of script.
        std::size_t end = start;
        std::size_t j = start;
        while (j < text.size()) {
            std::size_t at = j;
            char32_t d = text::next_code_point(text, j);
            CharInfo info = info_of(tables, d);
            if (!info.word) break;
            if (info.script != text::Script::other) {
                if (token.script == text::Script::other) token.script = info.script;
                else if (info.script != token.script) { j = at; break; }
                ++letters;
                if (info.upper) {
                    ++upper;
                    if (letters == 1) token.capitalized = true;
                }
            }
            end = j;
        }
        token.end = end;
        token.all_caps = letters >= 2 && upper == letters;
        i = end;
        // An English possessive: skip "'s" when it ends the word.
        if (i < text.size()) {
            std::size_t k = i;
            char32_t a = text::next_code_point(text, k);
            if (is_apostrophe(a) && k < text.size() && (text[k] == 's' || text[k] == 'S')) {
                std::size_t after = k + 1;
                std::size_t peek = after;
                if (after >= text.size() || !is_word_char(tables, text::next_code_point(text, peek))) i = after;
            }
        }
        tokens.push_back(token);
        gap = Gap{};
    }
    return tokens;
}

}  // namespace naba::entities
