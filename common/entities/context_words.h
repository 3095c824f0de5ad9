// Word lists that give context to recognition, written in ordinary spelling and
// normalized with the analysis pipeline when a tagger is built:
//  - titles that announce a person (President, Minister, الرئيس, الوزير ...), which
//    let an ambiguous surname count (President Aoun) and never start an unknown name;
//  - capitalised words that are not names (months, days, demonyms such as Russian or
//    Israeli, institutional words such as Ministry), which end or trim an unknown name;
//  - lower-case particles that may sit inside a name (al, bin, von, de ...);
//  - generational suffixes (Jr, Sr, الابن), which make a name another person's, and
//    the words that turn الأب or الابن into a figure of speech (الأب الروحي);
//  - generic head nouns left out of a mention when the rest names the same entity
//    (Kursk region, مدينة جنين, حركة حماس).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "analyzer.h"
#include "entities/alias_index.h"

namespace naba::entities {

class ContextWords {
  public:
    explicit ContextWords(const Analyzer& analyzer);
    bool is_title(std::string_view normalized) const { return titles_.contains(normalized); }
    bool is_not_name(std::string_view normalized) const { return not_names_.contains(normalized); }
    bool is_name_particle(std::string_view normalized) const { return particles_.contains(normalized); }
    bool is_generic_head(std::string_view normalized) const { return heads_.contains(normalized); }
    bool is_generational(std::string_view normalized) const { return generational_.contains(normalized); }
    bool is_figurative_kin(std::string_view normalized) const { return figurative_kin_.contains(normalized); }

  private:
    using Set = std::unordered_set<std::string, StringHash, std::equal_to<>>;
    Set titles_, not_names_, particles_, heads_, generational_, figurative_kin_;
};

}  // namespace naba::entities
