#include "mention_marks.h"

#include <algorithm>
#include <map>
#include <utility>

#include "query_walk.h"
#include "schema.h"

namespace naba::searcher {
namespace {

std::string entity_term(const entities::Mention& mention) {
    return schema::bounded_term(schema::entity_prefix(entities::type_name(mention.type)), mention.id);
}

// The words of `text` as Xapian tokenizes them, in order: the same tokenizer as the
// snippet's, so a phrase of them is found there.
std::vector<std::string> snippet_words(std::string_view text) {
    Xapian::TermGenerator generator;
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(std::string(text));
    std::map<Xapian::termpos, std::string> words;
    for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) words.emplace(*p, *t);
    std::vector<std::string> out;
    for (auto& [position, word] : words) out.push_back(std::move(word));
    return out;
}

}  // namespace

MentionMarks::MentionMarks(EntityCatalog& catalog, Xapian::Query query, std::string query_text)
    : catalog_(catalog), query_(std::move(query)), query_text_(std::move(query_text)) {}

const std::unordered_set<std::string>& MentionMarks::terms() const {
    if (terms_) return *terms_;
    terms_.emplace();
    const std::unordered_set<std::string> unwanted = excluded_terms(query_);
    for (auto t = query_.get_terms_begin(); t != query_.get_terms_end(); ++t)
        if (schema::is_entity_term(*t)) terms_->insert(*t);
    const std::string_view text = query_text_;
    for (const entities::Mention& mention : catalog_.tagger().tag(text)) {
        // A name the query excludes (-Zelensky, NOT زيلينسكي) marks nothing.
        const std::vector<std::string> words = snippet_words(text.substr(mention.begin, mention.end - mention.begin));
        const bool excluded = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
            return unwanted.contains(w);
        });
        if (excluded || unwanted.contains(entity_term(mention))) continue;
        if (terms_->insert(entity_term(mention)).second) typed_names_.push_back(mention);
    }
    for (const std::string& term : unwanted) terms_->erase(term);
    return *terms_;
}

const std::vector<entities::Mention>& MentionMarks::typed_names() const {
    terms();
    return typed_names_;
}

// The name-key terms the query searches (query_builder.cpp), but those it excludes.
std::unordered_set<std::string> MentionMarks::name_keys() const {
    std::unordered_set<std::string> keys;
    const std::unordered_set<std::string> unwanted = excluded_terms(query_);
    for (auto t = query_.get_terms_begin(); t != query_.get_terms_end(); ++t)
        if ((*t).starts_with(schema::kNameKeyPrefix) && !unwanted.contains(*t)) keys.insert(*t);
    return keys;
}

std::vector<std::vector<std::string>> MentionMarks::in(std::string_view text) const {
    std::vector<std::vector<std::string>> mentions;
    auto add = [&mentions](std::vector<std::string> words) {
        if (!words.empty() && std::find(mentions.begin(), mentions.end(), words) == mentions.end())
            mentions.push_back(std::move(words));
    };
    // Words found by their key first: they need no tagger, whose building would double
    // the time of a search such as Zelensky, whose other spellings are found so.
    if (const std::unordered_set<std::string> keys = name_keys(); !keys.empty()) {
        const Analyzer& analyzer = catalog_.analyzer();
        std::unordered_set<std::string> seen;
        for (std::string& word : snippet_words(text))
            if (seen.insert(word).second && keys.contains(analyzer.name_key_term(analyzer.normalize(word))))
                add({std::move(word)});
        if (!mentions.empty()) return mentions;
    }
    if (!terms().empty())
        for (const entities::Mention& mention : catalog_.tagger().tag(text))
            if (terms_->contains(entity_term(mention)))
                add(snippet_words(text.substr(mention.begin, mention.end - mention.begin)));
    return mentions;
}

std::optional<Xapian::Query> MentionMarks::marking(std::string_view text) const {
    std::vector<Xapian::Query> parts{query_};
    for (const std::vector<std::string>& words : in(text))
        parts.push_back(words.size() == 1 ? Xapian::Query(words.front())
                                          : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
    if (parts.size() == 1) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace naba::searcher
