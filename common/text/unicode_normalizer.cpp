#include "text/unicode_normalizer.h"

#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <simdjson.h>

#include "text/utf8.h"

namespace naba::text {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    // NFKC_Casefold = NFKC + full case folding + removal of default ignorables.
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data is missing");
        return n;
    }();
    return *instance;
}

const icu::Normalizer2& nfd() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data is missing");
        return n;
    }();
    return *instance;
}

// A non-ASCII Latin letter without its accents (ğ -> g, é -> e); letters that do
// not decompose (ø, ł) stay as they are.
void append_latin_base(std::string& out, UChar32 c) {
    icu::UnicodeString decomposition;
    if (nfd().getDecomposition(c, decomposition)) {
        for (int32_t i = 0; i < decomposition.length();) {
            UChar32 d = decomposition.char32At(i);
            i += U16_LENGTH(d);
            if ((U_GET_GC_MASK(d) & U_GC_MN_MASK) == 0) append_utf8(out, static_cast<char32_t>(d));
        }
        return;
    }
    append_utf8(out, static_cast<char32_t>(c));
}

}  // namespace

bool is_valid_utf8(std::string_view bytes, std::size_t* first_bad_offset) {
    // simdjson checks many bytes at a time; ICU's walk below finds the offset of the
    // first bad one, which only a repair needs.
    if (simdjson::validate_utf8(bytes.data(), bytes.size())) return true;
    std::size_t i = 0;
    while (i < bytes.size()) {
        UChar32 c;
        int32_t pos = static_cast<int32_t>(i);
        U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), pos,
                static_cast<int32_t>(bytes.size()), c);
        if (c < 0) {
            if (first_bad_offset) *first_bad_offset = i;
            return false;
        }
        i = static_cast<std::size_t>(pos);
    }
    return true;
}

std::string repair_utf8(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + 16);
    std::size_t i = 0;
    while (i < bytes.size()) append_utf8(out, next_code_point(bytes, i));
    return out;
}

std::string unicode_normalize(std::string_view utf8) {
    // Pure ASCII needs nothing from ICU: NFKC leaves it as it is and case folding is
    // lower-casing there (ASCII has no default-ignorable characters). English news is
    // mostly ASCII, so this skips the UTF-16 round trip for most of it.
    bool ascii = true;
    for (unsigned char b : utf8) {
        if (b >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        std::string out(utf8);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }

    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_casefold().normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");

    std::string out;
    out.reserve(utf8.size());
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            out += static_cast<char>('0' + u_charDigitValue(c));
        } else if (c <= 0x24F || (c >= 0x1E00 && c <= 0x1EFF)) {  // Latin-1 .. Latin Extended
            append_latin_base(out, c);
        } else {
            append_utf8(out, static_cast<char32_t>(c));
        }
    }
    return out;
}

}  // namespace naba::text
