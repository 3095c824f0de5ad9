#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.h"

namespace naba::text {

Script script_of(char32_t c) {
    if (c < 0x80) {
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return letter ? Script::latin : Script::other;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status)) return Script::other;
    if (code == USCRIPT_ARABIC) return Script::arabic;
    if (code == USCRIPT_LATIN) return Script::latin;
    return Script::other;
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    auto u = static_cast<UChar32>(c);
    return u_isalnum(u) || (U_GET_GC_MASK(u) & (U_GC_M_MASK | U_GC_CF_MASK)) != 0;
}

Script token_script(std::string_view utf8) {
    std::size_t i = 0;
    while (i < utf8.size()) {
        char32_t c = next_code_point(utf8, i);
        if (!u_isalpha(static_cast<UChar32>(c))) continue;
        return script_of(c);
    }
    return Script::other;
}

std::string split_scripts(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() + 8);
    // Script of the letter run we are in; USCRIPT_INVALID_CODE between runs.
    UScriptCode run = USCRIPT_INVALID_CODE;
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t start = i;
        char32_t c = next_code_point(utf8, i);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode code = c < 0x80 ? (u_isalpha(static_cast<UChar32>(c)) ? USCRIPT_LATIN
                                                                          : USCRIPT_COMMON)
                                    : uscript_getScript(static_cast<UChar32>(c), &status);
        if (code == USCRIPT_COMMON || code == USCRIPT_INHERITED || U_FAILURE(status)) {
            // Marks and tatweel continue the run; spaces, digits, punctuation end it.
            bool joins = u_isalpha(static_cast<UChar32>(c)) ||
                         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
            if (!joins) run = USCRIPT_INVALID_CODE;
        } else {
            if (run != USCRIPT_INVALID_CODE && code != run) out += ' ';
            run = code;
        }
        out.append(utf8.substr(start, i - start));
    }
    return out;
}

}  // namespace naba::text
