// The date: filter of queries: date:2025-03-18 (one day), date:2025-03-01..2025-03-31,
// open ends (date:2025-03-01.., date:..2025-03-31), and whole months or years
// (date:2025-03, date:2024..2025). Works on the date value slot of schema.h.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::searcher {

class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    // `written`, when given, is the query as the user wrote it (it must outlive this):
    // the value Xapian passes is normalized, so case-folded, and an error quotes the
    // value as written instead.
    explicit DateFieldProcessor(const std::string* written = nullptr) : written_(written) {}

    // Throws Xapian::QueryParserError for a value that is not a date or date range.
    Xapian::Query operator()(const std::string& value) override;

  private:
    const std::string* written_;
};

}  // namespace naba::searcher
