#include "text/arabic_normalizer.h"

#include "analysis_options.h"
#include "text/utf8.h"

namespace naba::text {

char32_t arabic_fold(char32_t c) {
    if (c < 0x0622 || c > 0x06ED) return c;  // outside the Arabic block: untouched
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return 0;
    if (c >= 0x06D6 && c <= 0x06ED) return 0;
    switch (c) {
        case 0x0622:  // آ
        case 0x0623:  // أ
        case 0x0625:  // إ
        case 0x0671:  // ٱ
        case 0x0672:  // ٲ
        case 0x0673:  // ٳ
            return 0x0627;  // ا
        case 0x0649:  // ى
            return analysis_options().fold_alef_maqsura ? 0x064A : c;  // ي
        case 0x06CC:        // Persian ی
            return 0x064A;  // ي
        case 0x0629:  // ة
            return analysis_options().fold_teh_marbuta ? 0x0647 : c;  // ه
        case 0x06A9:        // Persian ک
            return 0x0643;  // ك
        // Letters for sounds Arabic lacks, used for foreign names (ترمپ، لافروڤ، چرچل);
        // most Arabic spellings of the same names use the nearest Arabic letter.
        case 0x067E:        // پ p
            return 0x0628;  // ب
        case 0x06A4:        // ڤ v
            return 0x0641;  // ف
        case 0x0686:        // چ ch
            return 0x062C;  // ج
        case 0x0624:  // ؤ
        case 0x0626:  // ئ
            return analysis_options().fold_hamza_seats ? 0x0621 : c;  // ء
        default:
            return c;
    }
}

std::string arabic_normalize(std::string_view utf8) {
    // Arabic-block characters are all two-byte sequences led by 0xD8..0xDB.
    bool has_arabic = false;
    for (unsigned char b : utf8) {
        if (b >= 0xD8 && b <= 0xDB) {
            has_arabic = true;
            break;
        }
    }
    if (!has_arabic) return std::string(utf8);

    // Copied in stretches up to each letter folded or dropped: most letters stay.
    std::string out;
    out.reserve(utf8.size());
    std::size_t copied = 0;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        const char32_t c = next_code_point(utf8, i);
        const char32_t folded = arabic_fold(c);
        // U+FFFD also stands for invalid bytes, which are written as U+FFFD.
        if (folded == c && c != U'\uFFFD') continue;
        out.append(utf8.substr(copied, start - copied));
        if (folded != 0) append_utf8(out, folded);
        copied = i;
    }
    out.append(utf8.substr(copied));
    return out;
}

}  // namespace naba::text
