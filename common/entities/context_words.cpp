#include "entities/context_words.h"

namespace naba::entities {
namespace {

constexpr std::string_view kTitles[] = {
    "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "envoy", "general", "gen", "lt", "colonel", "col", "major", "admiral", "adm", "brigadier", "commander",
    "chief", "mr", "mrs", "ms", "dr", "sir", "lord", "sheikh", "sheik", "sayyed", "ayatollah", "senator",
    "sen", "rep", "ambassador", "chancellor", "king", "queen", "prince", "princess", "emir", "sultan",
    "crown", "leader", "adviser", "advisor", "speaker", "mayor", "governor", "judge", "prosecutor",
    "director", "deputy", "foreign", "defence", "defense", "premier", "pope", "imam", "negotiator",
    "الرئيس", "رئيس", "رئيسة", "الوزير", "وزير", "وزيرة", "الوزيرة", "المتحدث", "المتحدثة", "الناطق",
    "الجنرال", "اللواء", "العميد", "الفريق", "العقيد", "العماد", "الشيخ", "السيد", "السيدة", "المبعوث",
    "مبعوث", "السفير", "سفير", "المستشار", "مستشار", "القائد", "قائد", "الملك", "الأمير", "الامير",
    "السلطان", "زعيم", "الزعيم", "المرشد", "آية", "نائب", "الأدميرال", "المدعي", "رئيسه",
};

// Capitalised words that do not make a name. Demonyms are listed because English
// capitalises them ("Russian officials", "Israeli strikes").
constexpr std::string_view kNotNames[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "russian", "russians", "ukrainian", "ukrainians", "israeli", "israelis", "palestinian", "palestinians",
    "american", "americans", "british", "french", "german", "european", "europeans", "arab", "arabs",
    "iranian", "iranians", "syrian", "syrians", "lebanese", "egyptian", "egyptians", "qatari", "saudi",
    "emirati", "turkish", "jordanian", "iraqi", "yemeni", "sudanese", "chinese", "polish", "hungarian",
    "italian", "spanish", "dutch", "western", "eastern", "northern", "southern", "gazan", "gazans",
    "muslim", "muslims", "christian", "jewish", "islamic", "soviet", "kremlin-backed", "houthi",
    "war", "ceasefire", "truce", "peace", "deal", "plan", "summit", "talks", "operation",
    "north", "south", "east", "west",
    "god", "allah", "covid", "breaking", "update", "live", "read", "more", "photo", "video", "file",
    "however", "meanwhile", "after", "before", "earlier", "later", "today", "yesterday", "tomorrow",
    "last", "next", "this", "that", "on", "in", "at", "as", "but", "and", "the", "a", "an", "according",
    "asked", "speaking", "while", "when", "if", "since", "under", "despite", "following", "during",
};

constexpr std::string_view kParticles[] = {
    "al", "el", "bin", "ibn", "bint", "abu", "abd", "von", "van", "der", "den", "de", "del", "della",
    "di", "da", "du", "la", "le", "ben", "bar", "ter", "dos", "das",
};

// After a name: the son or the father of that name (Donald Trump Jr., ترامب الابن).
constexpr std::string_view kGenerational[] = {"jr", "jnr", "sr", "snr", "junior", "الابن", "جونيور", "الأب"};
// After الأب or الابن: a figure of speech, not a relative (الأب الروحي, the godfather).
constexpr std::string_view kFigurativeKin[] = {"الروحي", "الروحى"};

// With the clitics they most often carry in running text (ومخيم, لحركة).
constexpr std::string_view kGenericHeads[] = {
    "region", "oblast", "province", "city", "camp", "refugee", "district", "governorate",
    "مدينة", "ومدينة", "بمدينة", "لمدينة", "منطقة", "بمنطقة", "مقاطعة", "ومقاطعة", "بمقاطعة", "محافظة",
    "بمحافظة", "مخيم", "ومخيم", "بمخيم", "لمخيم", "حركة", "وحركة", "لحركة", "جماعة", "وجماعة", "لجماعة",
    "وكالة", "ووكالة", "لوكالة", "منشأة", "ومنشأة", "إقليم", "ولاية", "قناة", "صحيفة", "شبكة", "لشبكة",
};

template <std::size_t N>
void fill(std::unordered_set<std::string, StringHash, std::equal_to<>>& set, const std::string_view (&words)[N],
          const Analyzer& analyzer) {
    for (std::string_view word : words) set.insert(analyzer.normalize(word));
}

}  // namespace

ContextWords::ContextWords(const Analyzer& analyzer) {
    fill(titles_, kTitles, analyzer);
    fill(not_names_, kNotNames, analyzer);
    fill(particles_, kParticles, analyzer);
    fill(heads_, kGenericHeads, analyzer);
    fill(generational_, kGenerational, analyzer);
    fill(figurative_kin_, kFigurativeKin, analyzer);
}

}  // namespace naba::entities
