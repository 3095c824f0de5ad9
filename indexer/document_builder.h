// Turns a StoredDocument into a Xapian::Document: title and body through the shared
// Analyzer (positions on, so phrases work), boolean id/language/source terms, the
// sortable date value and the stored record — all as laid out in schema.h.
#pragma once

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace naba::indexer {

// "ar", "en" or "mixed" from the share of Arabic and Latin letters; "" without letters.
std::string detect_language(std::string_view text);

// Canonical language code for a user-given Lang value ("Arabic" -> "ar", ...).
std::string canonical_language(std::string_view lang);

class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Analyzer& analyzer);

    // Fills in doc.lang when it is empty, then builds the Xapian document.
    Xapian::Document build(schema::StoredDocument& doc);

  private:
    const Analyzer& analyzer_;
    Xapian::TermGenerator generator_;
};

}  // namespace naba::indexer
