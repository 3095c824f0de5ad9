#include "entities/form_memo.h"

namespace naba::entities {

const AnalyzedForm* FormMemo::find(std::string_view surface, std::size_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (!slot.form) return nullptr;
        if (slot.hash == hash && slot.form->surface == surface) return slot.form;
    }
}

const AnalyzedForm& FormMemo::insert(std::size_t hash, AnalyzedForm form) {
    if ((forms_.size() + 1) * 2 > slots_.size()) grow();
    AnalyzedForm& stored = forms_.emplace_back(std::move(form));
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].form) i = (i + 1) & mask;
    slots_[i] = Slot{hash, &stored};
    return stored;
}

void FormMemo::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (!slot.form) continue;
        std::size_t i = slot.hash & mask;
        while (slots_[i].form) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

void FormMemo::clear() {
    slots_.clear();
    forms_.clear();
}

}  // namespace naba::entities
