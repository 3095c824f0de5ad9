// Snippets that show whom a query is about: the mentions, in a hit's text, of the
// entities the query names, whatever spelling the text uses. A filter
// (person:zelensky) or a name typed as a word (زيلينسكي, found in a text that writes
// زيلنسكي through its name key) matches a document without any of the query's words
// being in it as written, and Xapian's snippet marks only the query's own terms and
// their stems, so the snippet showed some other passage with nothing marked. For a
// snippet that marks nothing, the mentions' words are given to the snippet as extra
// phrases to mark. The query is tagged then, not before: building the tagger takes
// longer than most searches (entity_catalog.h). A name no gazetteer lists, found by
// its name key (Koslowsky for Kozlowski), is marked by that key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "entity_catalog.h"

namespace naba::searcher {

class MentionMarks {
  public:
    // The entities named by `query`'s filter terms, and those the tagger finds in the
    // query's text as the user typed it; an entity the query excludes (AND_NOT's
    // right side) is left out.
    MentionMarks(EntityCatalog& catalog, Xapian::Query query, std::string query_text);

    // The words of `text` whose name key (Analyzer::name_key_term) the query searches,
    // each alone; or when there are none, the mentions of those entities in `text`,
    // each as the words Xapian's snippet sees in it (lowercase, in order).
    std::vector<std::vector<std::string>> in(std::string_view text) const;

    // The query with the mentions in `text` as extra phrases, for the snippet of that
    // text; nothing when the text has none.
    std::optional<Xapian::Query> marking(std::string_view text) const;

    // The entities the user typed as words (not as filters), each as first named in
    // the query text, without those the query excludes.
    const std::vector<entities::Mention>& typed_names() const;

  private:
    const std::unordered_set<std::string>& terms() const;
    std::unordered_set<std::string> name_keys() const;

    EntityCatalog& catalog_;
    Xapian::Query query_;
    std::string query_text_;
    mutable std::optional<std::unordered_set<std::string>> terms_;  // entity terms (schema.h)
    mutable std::vector<entities::Mention> typed_names_;
};

}  // namespace naba::searcher
