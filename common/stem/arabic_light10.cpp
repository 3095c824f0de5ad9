#include "stem/arabic_light10.h"

#include <array>

#include "analysis_options.h"
#include "text/utf8.h"

namespace naba::stem {
namespace {

constexpr std::string_view kWaw = "و";
constexpr std::string_view kTeh = "ت";
constexpr std::array<std::string_view, 6> kArticles = {"ال", "وال", "بال", "كال", "فال", "لل"};
constexpr std::array<std::string_view, 10> kSuffixes = {"ها", "ان", "ات", "ون", "ين",
                                                        "يه", "ية", "ه",  "ة",  "ي"};
// Attached pronouns Light10 leaves on (their, our), longest first. The second person
// كم is left alone: it is rare in news and ends many stems (حكم, تراكم).
constexpr std::array<std::string_view, 4> kPronouns = {"هما", "هم", "هن", "نا"};
// His/its (ه) after the ت a ة becomes before a pronoun (حكومته, مقالته, تصريحاته).
// Elsewhere a final ه may be a folded ة, which Light10's suffix list strips anyway;
// after ت it is almost always the pronoun (about 1,230 such words in the Arabic news
// corpus against 72 adjectives in تة, مؤقتة, which now lose their masculine form).
constexpr std::string_view kPronounAfterTeh = "ته";

bool starts_with_article(std::string_view word) {
    for (std::string_view article : kArticles)
        if (word.starts_with(article)) return true;
    return false;
}

// A pronoun on a noun ending in teh marbuta turns ة into ت (حكومتهم): drop that ت
// too, so the form meets حكومة. Four letters at least, so that roots ending in ت
// (وقتهم, بيتها) keep it.
void strip_teh_of_marbuta(std::string_view& word, std::size_t& letters) {
    if (letters >= 4 && word.ends_with(kTeh)) {
        word.remove_suffix(kTeh.size());
        letters -= 1;
    }
}

}  // namespace

std::string light10(std::string_view word) {
    using text::code_point_count;
    const AnalysisOptions& options = analysis_options();
    std::size_t letters = code_point_count(word);

    // و is a conjunction or a root letter (وزير, وكالة); before an article it can only
    // be the conjunction. Stripping it elsewhere would part وزير from الوزير.
    if (letters >= 4 && word.starts_with(kWaw) &&
        (!options.waw_guard || starts_with_article(word.substr(kWaw.size())) ||
         word.substr(kWaw.size()).starts_with(kWaw))) {
        word.remove_prefix(kWaw.size());
        letters -= 1;
    }
    for (std::string_view article : kArticles) {
        std::size_t n = code_point_count(article);
        if (word.starts_with(article) && letters >= n + 2) {
            word.remove_prefix(article.size());
            letters -= n;
            break;
        }
    }
    bool pronoun = false;  // an attached pronoun (or ها) was stripped
    if (options.pronoun_suffixes) {
        for (std::string_view suffix : kPronouns) {
            std::size_t n = code_point_count(suffix);
            if (word.ends_with(suffix) && letters >= n + 3) {
                word.remove_suffix(suffix.size());
                letters -= n;
                pronoun = true;
                break;
            }
        }
        if (!pronoun && letters >= 4 && word.ends_with(kPronounAfterTeh)) {
            word.remove_suffix(kPronounAfterTeh.size() - kTeh.size());
            letters -= 1;
            pronoun = true;
        }
    }
    for (std::string_view suffix : kSuffixes) {
        std::size_t n = code_point_count(suffix);
        if (word.ends_with(suffix) && letters >= n + 2) {
            word.remove_suffix(suffix.size());
            letters -= n;
            pronoun = pronoun || suffix == "ها";
        }
    }
    // After the suffix loop, so that ات is stripped whole first (قواتهم -> قو).
    if (options.pronoun_suffixes && pronoun) strip_teh_of_marbuta(word, letters);
    return std::string(word);
}

std::string ArabicLight10Stemmer::operator()(const std::string& word) { return light10(word); }

std::string ArabicLight10Stemmer::get_description() const { return "arabic-light10"; }

}  // namespace naba::stem
