// Arabic and English stop words, in the normalized form the analysis chain produces
// (the lists are written in ordinary spelling and passed through the same
// normalization as every document, so أن and ان are one entry).
#pragma once

#include <string>
#include <vector>

namespace naba::text {

// Every stop word of both languages, normalized, without duplicates.
const std::vector<std::string>& stop_words();

}  // namespace naba::text
