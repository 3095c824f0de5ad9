#include "query_input.h"

#include <unicode/uchar.h>

#include <cstdio>

#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::searcher {

bool is_blank(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<UChar32>(text::next_code_point(text, i));
        if (!u_isUWhiteSpace(c) && !u_iscntrl(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            return false;
    }
    return true;
}

std::string encoding_problem(std::string_view query) {
    std::size_t bad = 0;
    if (text::is_valid_utf8(query, &bad)) return "";
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(query[bad]));
    return "byte " + std::string(byte) + " at byte " + std::to_string(bad + 1);
}

}  // namespace naba::searcher
