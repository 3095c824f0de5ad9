// The per-thread memo behind analyze_tokens (alias_matcher.h): for each distinct
// surface form of a word, what recognition needs of it (normalized form, vocabulary
// id, stop-word flag, variants), so a repeated word costs one look-up.
//
// Why not std::unordered_map: looking a word up there walks bucket, node and chain,
// about three cache misses for a word not seen lately, and that was the largest part
// of the tagger's time. Here a look-up reads one slot of a flat array and the form it
// points to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "entities/alias_matcher.h"

namespace naba::entities {

struct AnalyzedForm {
    std::string surface;  // the key
    std::string norm;
    std::uint32_t id;  // vocabulary id of norm, or kNoToken
    bool stop;
    FormVariants variants;
};

class FormMemo {
  public:
    static std::size_t hash(std::string_view surface) { return std::hash<std::string_view>{}(surface); }

    // The form stored for `surface` (whose hash() is `hash`), or nullptr.
    const AnalyzedForm* find(std::string_view surface, std::size_t hash) const;
    // Stores a form not yet in the memo. References to stored forms stay valid until clear().
    const AnalyzedForm& insert(std::size_t hash, AnalyzedForm form);

    std::size_t size() const { return forms_.size(); }
    void clear();

  private:
    struct Slot {
        std::size_t hash = 0;
        AnalyzedForm* form = nullptr;  // nullptr: empty
    };
    void grow();

    std::vector<Slot> slots_;  // open addressing, linear probing; a power of two, at most half full
    std::deque<AnalyzedForm> forms_;  // a deque: growing never moves the forms
};

}  // namespace naba::entities
