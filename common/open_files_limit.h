// The open-files limit of naba-index and naba-search: a Xapian database holds a file
// handle per table, and a parallel build's index is several databases while it is
// written (indexer/shard_segments.h) and when it is merged, so a large build on many
// cores can need more than the 1024 a session starts with.
#pragma once

#include <cstdint>

namespace naba {

// Raises this process's soft limit on open files to its hard limit (what the system
// allows it without privileges). Does nothing if that fails.
void raise_open_files_limit() noexcept;

// This process's (soft) limit on open files; a very large number if there is none.
std::uint64_t open_files_limit() noexcept;

}  // namespace naba
