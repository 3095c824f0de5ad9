#include "text/stop_words.h"

#include <set>
#include <string>
#include <unordered_set>
#include <string_view>

#include "analysis_options.h"
#include "text/arabic_normalizer.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::text {
namespace {

// Function words, pronouns and auxiliaries. Content words that are frequent in news
// ("said", "قال") are kept: they still help phrases and ranking.
// Not here although they are function words: "us" (news writes the country US, and
// U.S. becomes "us" too) and "may" (the month).
constexpr std::string_view kEnglish[] = {
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "being", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "during", "each", "for", "from", "had", "has", "have", "having", "he", "her",
    "hers", "him", "his", "i", "if", "in", "into", "is", "it", "its", "itself",
    "me", "might", "must", "my", "no", "nor", "not", "of", "on", "or", "other",
    "our", "ours", "shall", "she", "should", "so", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "to", "too",
    "was", "we", "were", "while", "will", "with", "would", "you", "your", "yours",
};

constexpr std::string_view kArabic[] = {
    // prepositions and particles
    "في", "من", "إلى", "على", "عن", "مع", "منذ", "حتى", "عند", "لدى", "بين", "خلال",
    "ضد", "نحو", "أن", "إن", "أنّ", "لأن", "كأن", "لكن", "لكنّ", "أو", "أم", "ثم", "بل",
    "لا", "لم", "لن", "ما", "قد", "لقد", "كما", "إذا", "إذ", "لو", "ليس", "غير", "سوى",
    "كل", "بعض", "أي", "أيّ",
    // with a leading و / ف / ب / ل
    "وفي", "ومن", "وإلى", "وعلى", "وعن", "ومع", "وأن", "وإن", "ولا", "ولم", "ولن", "وما",
    "وقد", "ولقد", "وكما", "وهو", "وهي", "وهم", "فقد", "فإن", "فلا", "فما", "فهو", "وكان",
    "بأن", "بما", "لما", "لها", "له", "لهم", "به", "بها", "بهم", "فيه", "فيها", "فيهم",
    "منه", "منها", "منهم", "عنه", "عنها", "عليه", "عليها", "عليهم", "إليه", "إليها",
    // pronouns and demonstratives
    "هو", "هي", "هم", "هن", "هما", "أنا", "نحن", "أنت", "أنتم", "هذا", "هذه", "ذلك",
    "تلك", "هؤلاء", "أولئك", "هنا", "هناك", "الذي", "التي", "الذين", "اللذان",
    "اللتان", "اللواتي", "اللاتي",
    // auxiliaries
    "كان", "كانت", "كانوا", "يكون", "تكون", "أصبح", "أصبحت", "ظل", "ظلت", "عدة",
    "أيضا", "أيضاً", "حيث", "بينما", "عندما", "إلا", "ألا", "كلا", "ذات", "دون",
    // proclitics and the article standing alone: written onto a number (و2015, بـ3,
    // الـ24), which the script split parts from them, or cut off by a tatweel (بـ ناتو)
    "و", "ف", "ب", "ل", "ك", "ال", "لل",
};

// Question words: a query phrased as a question should not rank passages by them.
constexpr std::string_view kEnglishQuestion[] = {"how", "what", "when", "where", "which", "who", "whom", "whose", "why"};
constexpr std::string_view kArabicQuestion[] = {"هل", "ماذا", "متى", "أين", "كيف", "لماذا", "كم", "مَن"};

std::vector<std::string> build() {
    std::set<std::string> seen;
    std::vector<std::string> words;
    auto add = [&](std::string_view w) {
        std::string n = arabic_normalize(unicode_normalize(w));
        if (seen.insert(n).second) words.push_back(std::move(n));
    };
    const AnalysisOptions& options = analysis_options();
    if (!options.stop_words) return words;
    for (auto w : kEnglish) add(w);
    for (auto w : kArabic) add(w);
    if (!options.question_words) return words;
    for (auto w : kEnglishQuestion) add(w);
    for (auto w : kArabicQuestion) add(w);
    return words;
}

}  // namespace

const std::vector<std::string>& stop_words() {
    static const std::vector<std::string> words = build();
    return words;
}

bool is_stop_word(std::string_view word) {
    static const std::unordered_set<std::string_view> set(stop_words().begin(), stop_words().end());
    if (set.contains(word)) return true;
    if (!analysis_options().clitic_stop_words) return false;
    // A listed word of three letters or more after the clitics; shorter ones (فهم =
    // ف + هم is "understanding") only when listed whole (وهو, فقد).
    auto listed = [&](std::string_view rest) { return code_point_count(rest) >= 3 && set.contains(rest); };
    constexpr std::string_view kConjunctions[] = {"و", "ف"};
    constexpr std::string_view kPrepositions[] = {"ب", "ل", "ك"};
    for (std::string_view c : kConjunctions) {
        if (!word.starts_with(c)) continue;
        word.remove_prefix(c.size());
        if (listed(word)) return true;
        break;
    }
    for (std::string_view p : kPrepositions)
        if (word.starts_with(p) && listed(word.substr(p.size()))) return true;
    return false;
}

bool is_question(std::string_view query) {
    constexpr std::string_view kSpace = " \t\r\n";
    const std::size_t begin = query.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) return false;
    query = query.substr(begin, query.find_last_not_of(kSpace) - begin + 1);
    if (query.ends_with("?") || query.ends_with("\u061F")) return true;  // ? or Arabic ؟
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        auto add = [&](std::string_view w) { out.insert(arabic_normalize(unicode_normalize(w))); };
        for (auto w : kEnglishQuestion) add(w);
        for (auto w : kArabicQuestion) add(w);
        add("ما");  // "what"; a stop word of its own (also "not"), first in a question
        add("أي");  // "which"
        // Written without vowels, من is "who" and "from": headlines start with it
        // ("من غزة إلى ...") far more often than questions do without a question mark.
        out.erase(arabic_normalize(unicode_normalize("من")));
        return out;
    }();
    const std::string_view first = query.substr(0, query.find_first_of(kSpace));
    return words.contains(arabic_normalize(unicode_normalize(first)));
}

}  // namespace naba::text
