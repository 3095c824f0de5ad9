// The date: filter of queries: date:2025-03-18 (one day), date:2025-03-01..2025-03-31,
// open ends (date:2025-03-01.., date:..2025-03-31), and whole months or years
// (date:2025-03, date:2024..2025). Works on the date value slot of schema.h.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::searcher {

class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    // Throws Xapian::QueryParserError for a value that is not a date or date range.
    Xapian::Query operator()(const std::string& value) override;
};

}  // namespace naba::searcher
