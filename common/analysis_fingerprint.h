// What decides the terms a text gets at indexing time: the version of the analysis
// code and the index-time NABA_ANALYSIS switches. naba-index stores it in each index
// (schema::kAnalysisKey) and re-analyses every document of an index that holds
// another one (an index built by an earlier Naba, or with other switches), and
// naba-search says when an index's words may not match its own analysis.
#pragma once

#include <string>
#include <string_view>

#include "analysis_options.h"

namespace naba {

// Raise whenever the same text under the same switches would get other terms than
// before: normalization, tokenizing, stop words, stemmers, or the extra terms (roots,
// name keys, n-grams). Entity recognition has its own fingerprint
// (schema::kEntityFingerprintKey).
// 2: Light10 reads ه after ت as the pronoun (حكومته -> حكوم).
// 3: a number written onto Arabic letters is a word of its own (و2015 -> و 2015), and
//    a proclitic or the article standing alone is a stop word.
inline constexpr int kAnalysisVersion = 3;

// "analysis 1; arabic-stemmer=light10; ..." over the switches that change what is
// indexed (ranking-only switches such as k1 or window-bonus are left out: they apply
// at search time). How an index holds stems is kept apart (schema::kStemmingKey).
std::string analysis_fingerprint(const AnalysisOptions& options);
// The same for the options in effect.
std::string analysis_fingerprint();

// What the index records while a re-analysis to `fingerprint` is under way (and
// after one was stopped): documents of both analyses are in it.
inline constexpr std::string_view kAnalysisInProgress = "re-analysis in progress; ";

// The entries of `current` that `stored` does not hold, "; "-separated, for telling
// a user what changed ("analysis 2; latin-name-keys=1").
std::string fingerprint_difference(const std::string& stored, const std::string& current);

}  // namespace naba
