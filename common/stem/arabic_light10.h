// Light10 Arabic light stemmer (Larkey, Ballesteros and Connell, "Light Stemming for
// Arabic Information Retrieval"), as in the authors' own implementation:
//   1. strip a leading و when at least 3 letters remain;
//   2. strip the first matching article of ال وال بال كال فال لل when at least 2 remain;
//   3. strip the suffixes ها ان ات ون ين يه ية ه ة ي, each at most once and in that
//      order, while at least 2 letters remain.
// Unlike Lucene's ArabicStemmer it strips و before the article, so وبالكتاب -> كتاب.
// Naba's extension (on by default; NABA_ANALYSIS=no-pronoun-suffixes turns it off):
// before step 3, the attached pronouns هما هم هن نا are stripped when 3 letters
// remain (هدفهم -> هدف), and when a pronoun or ها was stripped, a final ت left by a
// teh marbuta goes too if 4 letters remain (حكومتهم -> حكوم, as حكومة).
// Input is expected to be normalized already (see text/arabic_normalizer.h).
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace naba::stem {

// The Light10 rules on one normalized Arabic word.
std::string light10(std::string_view word);

// Light10 as a Xapian stemmer, so TermGenerator, QueryParser and snippets can use it.
class ArabicLight10Stemmer : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;
};

}  // namespace naba::stem
