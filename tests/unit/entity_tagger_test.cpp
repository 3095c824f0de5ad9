#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entities/entity_tagger.h"

using naba::entities::EntityTagger;
using naba::entities::EntityType;
using naba::entities::Gazetteer;
using naba::entities::Mention;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const std::string& s : v) out += " [" + s + "]";
        return (out + " }").c_str();
    }
};
}  // namespace doctest

namespace {

const EntityTagger& tagger() {
    static naba::Analyzer analyzer;
    static EntityTagger instance(Gazetteer::builtin(), analyzer);
    return instance;
}

// "surface=id" for each mention, in order.
std::vector<std::string> tags(std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : tagger().tag(text)) out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + "=" + m.id);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("tagging finds aliases in both scripts with byte offsets and display names") {
    std::string text = "Zelensky met Putin in Kyiv. التقى زيلينسكي بوتين في كييف";
    auto mentions = tagger().tag(text);
    REQUIRE(mentions.size() == 6);
    CHECK(mentions[0].id == "p:volodymyr-zelensky");
    CHECK(mentions[0].type == EntityType::person);
    CHECK(mentions[0].name == "Volodymyr Zelensky");
    CHECK(text.substr(mentions[2].begin, mentions[2].end - mentions[2].begin) == "Kyiv");
    CHECK(mentions[2].type == EntityType::place);
    CHECK(text.substr(mentions[3].begin, mentions[3].end - mentions[3].begin) == "زيلينسكي");
    CHECK(mentions[5].id == "l:kyiv");
}

TEST_CASE("the longest alias wins over its parts") {
    CHECK(tags("Vladimir Putin and the Gaza Strip") == V{"Vladimir Putin=p:vladimir-putin", "Gaza Strip=l:gaza-strip"});
    CHECK(tags("قصف في مدينة غزة") == V{"مدينة غزة=l:gaza-city"});
    CHECK(tags("the UN Security Council met") == V{"UN Security Council=o:unsc"});
}

TEST_CASE("Arabic names carrying a clitic or the article with a preposition are found") {
    CHECK(tags("وبوتين") == V{"وبوتين=p:vladimir-putin"});
    CHECK(tags("قال لبوتين") == V{"لبوتين=p:vladimir-putin"});
    CHECK(tags("والكرملين") == V{"والكرملين=o:kremlin"});
    CHECK(tags("بالكرملين") == V{"بالكرملين=o:kremlin"});
    CHECK(tags("للكرملين") == V{"للكرملين=o:kremlin"});
    CHECK(tags("وبحماس") == V{"وبحماس=o:hamas"});
}

TEST_CASE("the Arabic article is never stripped: an adjective is not the country") {
    CHECK(tags("القوات الروسية") == V{});
}

TEST_CASE("English possessives are left out of the mention") {
    CHECK(tags("Russia's army and Trump’s envoy") == V{"Russia=l:russia", "Trump=p:donald-trump"});
}

TEST_CASE("spelling variants that are not aliases resolve to the known name") {
    CHECK(tags("envoy Steve Witkof said") == V{"Steve Witkof=p:steve-witkoff"});
    CHECK(tags("Whitkoff arrived") == V{"Whitkoff=p:steve-witkoff"});
    CHECK(tags("Lavrof said") == V{"Lavrof=p:sergei-lavrov"});
    CHECK(tags("President Zelenskei spoke") == V{"Zelenskei=p:volodymyr-zelensky"});
    CHECK(tags("قال زلنسكي") == V{"زلنسكي=p:volodymyr-zelensky"});
    CHECK(tags("ولافروفف") == V{"ولافروفف=p:sergei-lavrov"});
}

TEST_CASE("ordinary words are not names: stop words, short words, demonyms, lower case") {
    CHECK(tags("كيف يمكن وقف الحرب") == V{});           // كيف (how) is not كييف
    CHECK(tags("Israeli and Russian officials") == V{});
    CHECK(tags("جندي إسرائيلي وضابط أوكراني") == V{});
    CHECK(tags("we ate turkey") == V{});
    CHECK(tags("a button") == V{});
}

TEST_CASE("ambiguous aliases need context") {
    // Turkey and Jordan the countries, not the bird or a first name.
    CHECK(tags("Turkey and Jordan sent aid") == V{"Turkey=l:turkey", "Jordan=l:jordan"});
    CHECK(tags("the roast turkey") == V{});
    CHECK(tags("Michael Jordan played") == V{"Michael Jordan=u:michael-jordan"});
    // A surname shared by two people: the one named in full elsewhere in the text.
    CHECK(tags("Mohammed Sinwar took over. Sinwar ordered") ==
          V{"Mohammed Sinwar=p:mohammed-sinwar", "Sinwar=p:mohammed-sinwar"});
    CHECK(tags("Yahya Sinwar was killed. Sinwar had planned") ==
          V{"Yahya Sinwar=p:yahya-sinwar", "Sinwar=p:yahya-sinwar"});
    CHECK(tags("Sinwar spoke") == V{});
    // A title supports an ambiguous surname of one person.
    CHECK(tags("General Kellogg said") == V{"Kellogg=p:keith-kellogg"});  // titles are not part of the name
    CHECK(tags("the envoy Kellogg said") == V{"Kellogg=p:keith-kellogg"});
    CHECK(tags("Kellogg said") == V{});
    CHECK(tags("صور من غزة") == V{"غزة=l:gaza-strip"});  // صور (pictures) is not Tyre
}

TEST_CASE("people who share a first name stay apart, a first name alone is nothing") {
    CHECK(tags("Sergei Lavrov and Sergei Shoigu") ==
          V{"Sergei Lavrov=p:sergei-lavrov", "Sergei Shoigu=p:sergei-shoigu"});
    CHECK(tags("Sergei said") == V{});
    CHECK(tags("محمد السنوار ومحمد الضيف") == V{"محمد السنوار=p:mohammed-sinwar", "ومحمد الضيف=p:mohammed-deif"});
}

TEST_CASE("unknown capitalised English names become unknown-type mentions") {
    auto mentions = tagger().tag("Local official John Smith met Anna Maria Lopez al-Haddad on Monday in Kyiv.");
    REQUIRE(mentions.size() == 3);
    CHECK(mentions[0].id == "u:john-smith");
    CHECK(mentions[0].type == EntityType::unknown);
    CHECK(mentions[0].name == "John Smith");
    CHECK(mentions[1].id == "u:anna-maria-lopez-al-haddad");
    CHECK(mentions[2].id == "l:kyiv");
    CHECK(tags("Russian Defence Ministry said on Monday March") == V{"Russian Defence Ministry=o:russian-mod"});
    CHECK(tags("Ukrainian President Volodymyr Zelensky") == V{"Volodymyr Zelensky=p:volodymyr-zelensky"});
}

TEST_CASE("resolve turns a query value in either script into entity ids") {
    using S = std::vector<std::string>;
    CHECK(tagger().resolve("zelensky", EntityType::person) == S{"p:volodymyr-zelensky"});
    CHECK(tagger().resolve("زيلينسكي", std::nullopt) == S{"p:volodymyr-zelensky"});
    CHECK(tagger().resolve("Zelenski", std::nullopt) == S{"p:volodymyr-zelensky"});
    CHECK(tagger().resolve("zelenskei", std::nullopt) == S{"p:volodymyr-zelensky"});
    CHECK(tagger().resolve("kiev", EntityType::place) == S{"l:kyiv"});
    CHECK(tagger().resolve("والكرملين", std::nullopt) == S{"o:kremlin"});
    auto sinwar = tagger().resolve("sinwar", EntityType::person);
    CHECK(sinwar == S{"p:yahya-sinwar", "p:mohammed-sinwar"});
    CHECK(tagger().resolve("kiev", EntityType::person) == S{"u:kiev"});
    CHECK(tagger().resolve("John Smith", EntityType::person) == S{"u:john-smith"});
    CHECK(tagger().resolve("John Smith", EntityType::place) == S{});
    CHECK(tagger().resolve("  ", std::nullopt) == S{});
}

TEST_CASE("a relative or namesake is not the listed person: another first name before the surname") {
    CHECK(tags("Lara Trump and Donald Trump arrived.") ==
          V{"Lara Trump=u:lara-trump", "Donald Trump=p:donald-trump"});
    CHECK(tags("Bushra al-Assad lives abroad.") == V{"Bushra al-Assad=u:bushra-al-assad"});
    CHECK(tags("Masoud Khamenei spoke.") == V{"Masoud Khamenei=u:masoud-khamenei"});
    // The person's own first name, also spelled another way, still names them.
    CHECK(tags("Foreign Minister Sergey Lavrov spoke.") == V{"Sergey Lavrov=p:sergei-lavrov"});
    CHECK(tags("On Monday, Trump said so.") == V{"Trump=p:donald-trump"});
}

TEST_CASE("a prose sentence made mostly of names is not mistaken for a Title Case headline") {
    CHECK(tags("Yesterday Hunter Biden and Jill Biden were not there.") ==
          V{"Hunter Biden=u:hunter-biden", "Jill Biden=u:jill-biden"});
}

TEST_CASE("in an all-caps or Title Case headline a capitalised verb before a surname is not a first name") {
    CHECK(tags("ZELENSKY REJECTS PUTIN OFFER") == V{"ZELENSKY=p:volodymyr-zelensky", "PUTIN=p:vladimir-putin"});
    CHECK(tags("Kyiv Says Putin Stalls Talks") == V{"Kyiv=l:kyiv", "Putin=p:vladimir-putin"});
    // In prose the rule still holds.
    CHECK(tags("Yesterday Lara Trump spoke.") == V{"Lara Trump=u:lara-trump"});
}

TEST_CASE("a capitalised neighbour that only looks like an ambiguous alias still makes a longer name") {
    // Peterson is a spelling variant of ~Pedersen (Geir Pedersen), which is not taken
    // here; it still shows that Jordan is a first name.
    CHECK(tags("Jordan Peterson spoke in Toronto.") == V{"Jordan Peterson=u:jordan-peterson"});
    CHECK(tags("Turkey and Jordan sent aid") == V{"Turkey=l:turkey", "Jordan=l:jordan"});
}

TEST_CASE("a generational suffix after a person's name names the son, not the person") {
    CHECK(tags("Vladimir Putin Jr. posted.") == V{"Vladimir Putin Jr=u:vladimir-putin-jr"});
    CHECK(tags("Putin, Sr. was there") == V{});
    CHECK(tags("Joe Biden Jr said so, and Biden said no.") == V{"Joe Biden Jr=u:joe-biden-jr", "Biden=p:joe-biden"});
    CHECK(tags("وقال جو بايدن الابن إن") == V{});
    CHECK(tags("وقال جو بايدن إن") == V{"جو بايدن=p:joe-biden"});
}

TEST_CASE("the godfather of something is not a father: a person before الأب الروحي is still the person") {
    CHECK(tags("ووصف ترامب الأب الروحي للاتفاق") == V{"ترامب=p:donald-trump"});
    CHECK(tags("ويعد الرئيس الأسد الابن الروحي للحزب") == V{"الأسد=p:bashar-al-assad"});
    // Without it the suffix still names the father: الأسد الأب is Hafez, not Bashar.
    CHECK(tags("في عهد الرئيس الأسد الأب") == V{});
}

TEST_CASE("a lower-case junior after a name is an ordinary word, not a generational suffix") {
    CHECK(tags("Netanyahu's junior coalition partners threatened to quit.") == V{"Netanyahu=p:benjamin-netanyahu"});
    CHECK(tags("The talks included Putin, junior officials and generals.") == V{"Putin=p:vladimir-putin"});
    CHECK(tags("Vladimir Putin Junior posted.") == V{"Vladimir Putin Junior=u:vladimir-putin-junior"});
}

TEST_CASE("the relatives that conflict news names are listed, so Arabic text, which has no capitals, keeps them apart") {
    CHECK(tags("فر ماهر الأسد بينما لجأ بشار الأسد إلى موسكو") ==
          V{"ماهر الأسد=p:maher-al-assad", "بشار الأسد=p:bashar-al-assad", "موسكو=l:moscow"});
    CHECK(tags("وظهرت أسماء الأسد وحافظ الأسد مع بشار الأسد") ==
          V{"أسماء الأسد=p:asma-al-assad", "وحافظ الأسد=p:hafez-al-assad", "بشار الأسد=p:bashar-al-assad"});
    CHECK(tags("وقالت ميلانيا ترامب إن ترامب") == V{"ميلانيا ترامب=p:melania-trump", "ترامب=p:donald-trump"});
    CHECK(tags("وقال إريك ترامب ودونالد ترامب الابن") ==
          V{"إريك ترامب=p:eric-trump", "ودونالد ترامب الابن=p:donald-trump-jr"});
    CHECK(tags("قد يخلف مجتبى خامنئي والده علي خامنئي") ==
          V{"مجتبى خامنئي=p:mojtaba-khamenei", "علي خامنئي=p:ali-khamenei"});
    CHECK(tags("Donald Trump Jr. and Ivanka Trump") ==
          V{"Donald Trump Jr=p:donald-trump-jr", "Ivanka Trump=p:ivanka-trump"});
    CHECK(tags("وقال فاروق الشرع إن أحمد الشرع") ==
          V{"فاروق الشرع=p:farouk-al-sharaa", "أحمد الشرع=p:ahmed-al-sharaa"});
}

TEST_CASE("a name may start with another vowel of the same sound class: Esmail is Ismail") {
    CHECK(tags("Esmail Haniyeh was killed in Tehran.") == V{"Esmail Haniyeh=p:ismail-haniyeh", "Tehran=l:tehran"});
    CHECK(tags("Then Uthman Haniyeh spoke.") == V{"Uthman Haniyeh=u:uthman-haniyeh"});
    // Only first names: a surname or an ordinary word keeps its first vowel.
    CHECK(tags("Urban warfare spread.") == V{});
    // Consonants still keep the first letter: Sharif is not Zarif.
    CHECK(tags("Nawaz Sharif spoke.") == V{"Nawaz Sharif=u:nawaz-sharif"});
}

TEST_CASE("a listed alias left out for want of context does not come back as an unknown name") {
    // ~al-Sharaa needs support; without it the name is not given a second, unknown id.
    CHECK(tags("Al-Sharaa told reporters in Damascus.") == V{"Damascus=l:damascus"});
    CHECK(tags("President al-Sharaa told reporters.") == V{"al-Sharaa=p:ahmed-al-sharaa"});
    CHECK(tags("Yesterday Michael Jordan played.") == V{"Michael Jordan=u:michael-jordan"});
}
