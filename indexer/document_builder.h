// Turns a StoredDocument into a Xapian::Document: title and body through the shared
// Analyzer (positions on, so phrases work), boolean id/language/source terms, the
// sortable date value, the entities the tagger finds (filter terms, facet value and
// stored list) and the stored record — all as laid out in schema.h.
#pragma once

#include <xapian.h>

#include "analyzer.h"
#include "entities/entity_tagger.h"
#include "schema.h"

namespace naba::indexer {

// "ar", "en" or "mixed" from the share of Arabic and Latin letters; "" without letters.
std::string detect_language(std::string_view text);

// Canonical language code for a user-given Lang value ("Arabic" -> "ar", ...).
std::string canonical_language(std::string_view lang);

class DocumentBuilder {
  public:
    // `tagger` (shared, read-only) finds the entities; nullptr: no entity recognition.
    explicit DocumentBuilder(const Analyzer& analyzer, const entities::EntityTagger* tagger = nullptr);

    // Fills in doc.lang when it is empty (and doc.entities when there is a tagger),
    // then builds the Xapian document.
    Xapian::Document build(schema::StoredDocument& doc);

    // Replaces the entities of an indexed document (its terms, facet value and the
    // stored list in doc) with what the tagger finds now; the caller stores doc.
    void retag(schema::StoredDocument& doc, Xapian::Document& xdoc) const;

    // Whether build() and retag() recognise entities (a tagger was given).
    bool tags_entities() const { return tagger_ != nullptr; }

  private:
    // `body_tokens`, when given, receives the body's tokens (EntityTagger::tag).
    void add_entities(schema::StoredDocument& doc, Xapian::Document& xdoc,
                      std::vector<entities::DocToken>* body_tokens = nullptr) const;

    const Analyzer& analyzer_;
    const entities::EntityTagger* tagger_;
    Xapian::TermGenerator generator_;
};

}  // namespace naba::indexer
