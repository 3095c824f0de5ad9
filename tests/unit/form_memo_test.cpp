// FormMemo: the tagger's per-thread table of word forms finds what was stored, tells
// forms with the same hash apart, and keeps stored forms in place as it grows.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entities/form_memo.h"

using naba::entities::AnalyzedForm;
using naba::entities::FormMemo;

namespace {

AnalyzedForm form(const std::string& surface, std::uint32_t id) { return AnalyzedForm{surface, surface, id, false, {}}; }

}  // namespace

TEST_CASE("form memo finds stored forms and only those") {
    FormMemo memo;
    CHECK(memo.find("Putin", FormMemo::hash("Putin")) == nullptr);
    memo.insert(FormMemo::hash("Putin"), form("Putin", 7));
    const AnalyzedForm* found = memo.find("Putin", FormMemo::hash("Putin"));
    REQUIRE(found != nullptr);
    CHECK(found->id == 7);
    CHECK(memo.find("putin", FormMemo::hash("putin")) == nullptr);
    memo.clear();
    CHECK(memo.size() == 0);
    CHECK(memo.find("Putin", FormMemo::hash("Putin")) == nullptr);
}

TEST_CASE("form memo tells apart forms whose hashes collide") {
    FormMemo memo;
    memo.insert(42, form("Kyiv", 1));
    memo.insert(42, form("Kiev", 2));
    REQUIRE(memo.find("Kyiv", 42) != nullptr);
    REQUIRE(memo.find("Kiev", 42) != nullptr);
    CHECK(memo.find("Kyiv", 42)->id == 1);
    CHECK(memo.find("Kiev", 42)->id == 2);
    CHECK(memo.find("Odesa", 42) == nullptr);
}

TEST_CASE("form memo keeps stored forms in place while it grows") {
    FormMemo memo;
    std::vector<const AnalyzedForm*> stored;
    for (std::uint32_t i = 0; i < 5000; ++i) {
        std::string surface = "w" + std::to_string(i);
        stored.push_back(&memo.insert(FormMemo::hash(surface), form(surface, i)));
    }
    CHECK(memo.size() == 5000);
    for (std::uint32_t i = 0; i < 5000; ++i) {
        std::string surface = "w" + std::to_string(i);
        CHECK(memo.find(surface, FormMemo::hash(surface)) == stored[i]);
        CHECK(stored[i]->norm == surface);
    }
}
