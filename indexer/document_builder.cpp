#include "document_builder.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis_options.h"
#include "date.h"
#include "entities/token_scanner.h"
#include "schema.h"
#include "text/script.h"
#include "text/utf8.h"

namespace naba::indexer {
namespace {

// Gap between title and body positions, so a phrase never spans the two.
constexpr Xapian::termpos kFieldGap = 100;

// A capitalised Latin word in running text, which gets a name key (add_latin_name_keys).
bool name_key_word(const entities::RawToken& t) {
    return t.script == text::Script::latin && t.capitalized && !t.all_caps && !t.sentence_start;
}

// Each Arabic word's root, name-key and n-gram terms (Analyzer::arabic_terms) with
// the word's within-document frequency; no positions, so the index grows by a term
// list entry per distinct root, skeleton or n-gram.
void add_arabic_terms(const Analyzer& analyzer, Xapian::Document& xdoc) {
    std::vector<std::pair<std::string, Xapian::termcount>> extra;
    for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (!schema::is_word_term(term)) continue;  // prefixed
        for (std::string& x : analyzer.arabic_terms(term)) extra.emplace_back(std::move(x), t.get_wdf());
    }
    for (const auto& [term, wdf] : extra) xdoc.add_term(term, wdf);
}

// The name-key terms (Analyzer::name_key_term) of the capitalised Latin words of
// running text, each counted once per occurrence. Such a word is a name far more
// often than not, unless it starts a sentence or is in capitals (a headline), which
// are left out: English words stay unkeyed, so a query word's key meets only names
// spelled like it (Zelensky: Zelenskiy, Zelinski). No positions, as for Arabic.
// `tokens` are the text's, with their normalized forms (the entity tagger's, or
// scan_latin_words').
void add_latin_name_keys(const Analyzer& analyzer, const std::vector<entities::DocToken>& tokens,
                         Xapian::Document& xdoc) {
    std::unordered_map<std::string_view, std::string> key_of;  // by normalized form
    for (const entities::DocToken& t : tokens) {
        if (!name_key_word(t.raw)) continue;
        auto [it, added] = key_of.try_emplace(t.norm);
        if (added) it->second = analyzer.name_key_term(std::string(t.norm));
        if (!it->second.empty()) xdoc.add_term(it->second);
    }
}

// The words add_latin_name_keys keys, scanned and normalized here when no entity
// tagger did it; `norms` holds the forms.
std::vector<entities::DocToken> scan_latin_words(const Analyzer& analyzer, std::string_view text,
                                                 std::deque<std::string>& norms) {
    std::vector<entities::DocToken> words;
    for (const entities::RawToken& t : entities::scan_tokens(text)) {
        if (!name_key_word(t)) continue;
        norms.push_back(analyzer.normalize(text.substr(t.begin, t.end - t.begin)));
        words.push_back(entities::DocToken{t, norms.back(), entities::kNoToken});
    }
    return words;
}

}  // namespace

std::string detect_language(std::string_view text) {
    long arabic = 0, latin = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {  // ASCII fast path
            latin += ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
            ++i;
            continue;
        }
        switch (text::script_of(text::next_code_point(text, i))) {
            case text::Script::arabic: ++arabic; break;
            case text::Script::latin: ++latin; break;
            case text::Script::other: break;
        }
    }
    long total = arabic + latin;
    if (total == 0) return "";
    // A few names in the other script do not make a document bilingual.
    if (arabic * 10 >= total * 9) return "ar";
    if (latin * 10 >= total * 9) return "en";
    return "mixed";
}

std::string canonical_language(std::string_view lang) {
    std::string l(lang);
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // A language tag with a region or script (en-US, ar_EG: what web pages declare)
    // is filed under its language, or lang:en would miss it.
    if (const std::size_t dash = l.find_first_of("-_"); dash == 2 || dash == 3) l.resize(dash);
    if (l == "ar" || l == "ara" || l == "arabic" || l == "العربية") return "ar";
    if (l == "en" || l == "eng" || l == "english") return "en";
    if (l == "mixed" || l == "ar,en" || l == "en,ar" || l == "ar+en" || l == "bilingual") return "mixed";
    return l;
}

DocumentBuilder::DocumentBuilder(const Analyzer& analyzer, const entities::EntityTagger* tagger)
    : analyzer_(analyzer), tagger_(tagger) {
    analyzer_.configure(generator_);
}

Xapian::Document DocumentBuilder::build(schema::StoredDocument& doc) {
    doc.lang = doc.lang.empty() ? detect_language(doc.text) : canonical_language(doc.lang);

    Xapian::Document xdoc;
    generator_.set_document(xdoc);
    const std::string title = analyzer_.normalize(doc.title);
    generator_.index_text(title, 1, std::string(schema::kTitlePrefix));
    generator_.increase_termpos(kFieldGap);
    if (const unsigned weight = analysis_options().title_weight; weight > 0) generator_.index_text(title, weight);
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(analyzer_.normalize(doc.text));
    add_arabic_terms(analyzer_, xdoc);

    xdoc.add_boolean_term(schema::id_term(doc.id));
    const std::string lang_prefix(schema::kLangPrefix);
    if (doc.lang == "mixed") {
        xdoc.add_boolean_term(lang_prefix + "ar");
        xdoc.add_boolean_term(lang_prefix + "en");
    } else if (!doc.lang.empty() && doc.lang.size() < 32) {
        xdoc.add_boolean_term(lang_prefix + doc.lang);
    }
    if (!doc.source.empty()) {
        std::string source_term = std::string(schema::kSourcePrefix) + analyzer_.normalize(doc.source);
        if (source_term.size() <= schema::kMaxVerbatimIdBytes) xdoc.add_boolean_term(source_term);
    }
    if (!doc.date.empty()) xdoc.add_value(schema::kDateSlot, date_sort_key(doc.date));
    // Latin name keys read the body's tokens, which the tagger has already scanned.
    const AnalysisOptions& options = analysis_options();
    const bool name_keys = options.name_keys > 0 && options.latin_name_keys;
    std::vector<entities::DocToken> body_tokens;
    if (tagger_) add_entities(doc, xdoc, name_keys ? &body_tokens : nullptr);
    if (name_keys && tagger_) {
        add_latin_name_keys(analyzer_, body_tokens, xdoc);
    } else if (name_keys) {
        std::deque<std::string> norms;  // what the scanned words' forms point into
        add_latin_name_keys(analyzer_, scan_latin_words(analyzer_, doc.text, norms), xdoc);
    }
    xdoc.set_data(schema::serialize(doc));
    return xdoc;
}

// Each distinct entity of the title and body once, in order of first mention.
void DocumentBuilder::add_entities(schema::StoredDocument& doc, Xapian::Document& xdoc,
                                   std::vector<entities::DocToken>* body_tokens) const {
    doc.entities.clear();
    std::unordered_set<std::string> seen;
    for (const std::string* part : {&doc.title, &doc.text}) {
        for (entities::Mention& m : tagger_->tag(*part, part == &doc.text ? body_tokens : nullptr)) {
            if (!seen.insert(m.id).second) continue;
            std::string type(entities::type_name(m.type));
            xdoc.add_boolean_term(schema::bounded_term(schema::entity_prefix(type), m.id));
            doc.entities.push_back({std::move(type), std::move(m.id), std::move(m.name)});
        }
    }
    if (!doc.entities.empty()) xdoc.add_value(schema::kEntitiesSlot, schema::entities_value(doc.entities));
}

void DocumentBuilder::retag(schema::StoredDocument& doc, Xapian::Document& xdoc) const {
    std::vector<std::string> old;
    for (const schema::EntityTypePrefix& type : schema::kEntityTypes) {
        const std::string p(type.prefix);
        for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
            t.skip_to(p);
            if (t == xdoc.termlist_end() || !(*t).starts_with(p)) break;
            old.push_back(*t);
        }
    }
    for (const std::string& term : old) xdoc.remove_term(term);
    // Xapian throws when removing a value that is not there (no entities before).
    if (!xdoc.get_value(schema::kEntitiesSlot).empty()) xdoc.remove_value(schema::kEntitiesSlot);
    if (tagger_) add_entities(doc, xdoc);
}

}  // namespace naba::indexer
