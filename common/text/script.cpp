#include "text/script.h"

#include <utility>

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
    bool after_digit = false;  // the previous character was a digit
    // The text is copied in stretches, up to each space inserted: most texts have none
    // to insert, and this stage sees every byte of every document.
    std::size_t copied = 0;
    std::size_t i = 0;
    auto split_at = [&](std::size_t start) {
        out.append(utf8.substr(copied, start - copied)).push_back(' ');
        copied = start;
    };
    while (i < utf8.size()) {
        const std::size_t start = i;
        const auto lead = static_cast<unsigned char>(utf8[i]);
        UScriptCode code = USCRIPT_LATIN;
        const bool digit_before = std::exchange(after_digit, false);
        if (lead < 0x80) {  // ASCII: a Latin letter, or something that ends a run
            ++i;
            if (lead >= '0' && lead <= '9') {
                // Arabic writes و ب ل ك and the article onto a number (و2005, الـ24,
                // بـ3): the number is a word of its own, as after a space. Latin
                // letters keep theirs (F16, COVID19).
                if (run == USCRIPT_ARABIC) split_at(start);
                after_digit = true;
                run = USCRIPT_INVALID_CODE;
                continue;
            }
            if ((lead | 0x20) < 'a' || (lead | 0x20) > 'z') {
                run = USCRIPT_INVALID_CODE;
                continue;
            }
        } else {
            const auto c = static_cast<UChar32>(next_code_point(utf8, i));
            UErrorCode status = U_ZERO_ERROR;
            code = uscript_getScript(c, &status);
            if (code == USCRIPT_COMMON || code == USCRIPT_INHERITED || U_FAILURE(status)) {
                // Marks and tatweel continue the run; spaces, digits, punctuation end it.
                const bool joins = u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
                if (!joins) run = USCRIPT_INVALID_CODE;
                continue;
            }
        }
        if ((run != USCRIPT_INVALID_CODE && code != run) || (digit_before && code == USCRIPT_ARABIC)) split_at(start);
        run = code;
    }
    out.append(utf8.substr(copied));
    return out;
}

}  // namespace naba::text
