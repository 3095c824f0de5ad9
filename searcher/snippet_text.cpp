#include "snippet_text.h"

#include <cctype>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace naba::searcher {
namespace {

bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The longest start of `run` of at most `keep_bytes` bytes that ends between two
// grapheme clusters (ICU's character break rules), or "" when ICU cannot tell.
std::string_view whole_characters(std::string_view run, std::size_t keep_bytes) {
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
    std::unique_ptr<icu::BreakIterator> clusters(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    std::size_t end = 0;
    if (U_SUCCESS(status)) {
        clusters->setText(text, status);
        // On UTF-8 text the offsets are byte offsets. Walked from the start, as
        // preceding() snaps an offset inside a character to its start first (and
        // then answers the boundary before that one).
        for (int32_t at = clusters->first(); U_SUCCESS(status) && at != icu::BreakIterator::DONE &&
                                             static_cast<std::size_t>(at) <= keep_bytes;
             at = clusters->next())
            end = static_cast<std::size_t>(at);
    }
    utext_close(text);
    return run.substr(0, end);
}

}  // namespace

std::string shorten_long_runs(std::string_view text, std::size_t max_bytes, std::size_t keep_bytes) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (space(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !space(text[end])) ++end;
        if (end - i > max_bytes) {
            out.append(text.substr(copied, i - copied));
            out.append(whole_characters(text.substr(i, end - i), keep_bytes)).append("…");
            copied = end;
        }
        i = end;
    }
    if (copied == 0) return std::string(text);
    return out.append(text.substr(copied));
}

}  // namespace naba::searcher
