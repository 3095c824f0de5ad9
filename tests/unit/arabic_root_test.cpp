#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "stem/arabic_root.h"

using naba::stem::arabic_root;

namespace {

void check_pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    for (const auto& [word, root] : pairs) {
        CAPTURE(word);
        CHECK(arabic_root(word) == root);
    }
}

}  // namespace

TEST_CASE("arabic_root brings derived forms of one root together, which Light10 keeps apart") {
    check_pairs({
        {"بالسفر", "سفر"},   // article + noun
        {"يسافر", "سفر"},    // verb, pattern يفاعل
        {"مسافرون", "سفر"},  // participle plural: ون, then مفاعل
        {"كتاب", "كتب"},     {"مكتب", "كتب"},     {"كاتب", "كتب"},
        {"المفاوضات", "فوض"}, {"يتفاوض", "فوض"},  // one prefix letter goes when no pattern fits
    });
}

TEST_CASE("arabic_root matches the longer derivational patterns and broken plurals") {
    check_pairs({
        {"مدرسه", "درس"},    // مفعلة (ة normalized to ه)
        {"استقبال", "قبل"},  // استفعال
        {"مفاتيح", "فتح"},   // مفاعيل, a broken plural
        {"رءيس", "رءس"},     // فعيل (رئيس normalized)
    });
}

TEST_CASE("arabic_root leaves short words and words no rule reduces as they are") {
    check_pairs({{"جيش", "جيش"}, {"قد", "قد"}, {"", ""}});
}
