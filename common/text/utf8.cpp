#include "text/utf8.h"

#include <cstdint>

#include <unicode/utf8.h>

namespace naba::text {

char32_t next_multibyte_code_point(std::string_view s, std::size_t& i) {
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos,
            static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(pos);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (error) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        return;
    }
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
}

std::size_t code_point_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char b : s) n += (b & 0xC0) != 0x80;
    return n;
}

std::string escape_invalid_bytes(std::string_view bytes, bool backslashes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto size = static_cast<std::int32_t>(bytes.size());
    for (std::int32_t i = 0; i < size;) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(data, i, size, c);
        if (c < 0) {
            for (std::int32_t b = start; b < i; ++b) out += {'\\', 'x', kHex[data[b] >> 4], kHex[data[b] & 15]};
        } else if (c == '\\' && backslashes) {
            out += "\\\\";
        } else {
            out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

}  // namespace naba::text
