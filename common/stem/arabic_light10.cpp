#include "stem/arabic_light10.h"

#include <array>

#include "text/utf8.h"

namespace naba::stem {
namespace {

constexpr std::string_view kWaw = "و";
constexpr std::array<std::string_view, 6> kArticles = {"ال", "وال", "بال", "كال", "فال", "لل"};
constexpr std::array<std::string_view, 10> kSuffixes = {"ها", "ان", "ات", "ون", "ين",
                                                        "يه", "ية", "ه",  "ة",  "ي"};

}  // namespace

std::string light10(std::string_view word) {
    using text::code_point_count;
    std::size_t letters = code_point_count(word);

    if (letters >= 4 && word.starts_with(kWaw)) {
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
    for (std::string_view suffix : kSuffixes) {
        std::size_t n = code_point_count(suffix);
        if (word.ends_with(suffix) && letters >= n + 2) {
            word.remove_suffix(suffix.size());
            letters -= n;
        }
    }
    return std::string(word);
}

std::string ArabicLight10Stemmer::operator()(const std::string& word) { return light10(word); }

std::string ArabicLight10Stemmer::get_description() const { return "arabic-light10"; }

}  // namespace naba::stem
