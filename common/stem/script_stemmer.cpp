#include "stem/script_stemmer.h"

#include "analysis_options.h"
#include "stem/arabic_light10.h"
#include "text/arabic_normalizer.h"
#include "text/script.h"
#include "text/unicode_normalizer.h"

namespace naba::stem {

ScriptStemmer::ScriptStemmer() : english_("english"), arabic_snowball_("arabic") {}

std::string ScriptStemmer::arabic(const std::string& word) {
    const std::string& choice = analysis_options().arabic_stemmer;
    if (choice == "light10") return light10(text::arabic_normalize(word));
    if (choice == "snowball") return arabic_snowball_(text::arabic_normalize(word));
    return text::arabic_normalize(word);
}

std::string ScriptStemmer::operator()(const std::string& word) {
    if (word.empty()) return word;
    const auto lead = static_cast<unsigned char>(word[0]);
    // Fast paths for the two scripts that make up almost every token.
    if (lead < 0x80 && ((lead | 0x20) >= 'a' && (lead | 0x20) <= 'z')) {
        bool ascii = true;
        for (unsigned char b : word) ascii &= b < 0x80;
        return english_(ascii ? word : text::unicode_normalize(word));  // erdoğan -> erdogan
    }
    if (lead >= 0xD8 && lead <= 0xDB) return arabic(word);

    switch (text::token_script(word)) {
        case text::Script::arabic:
            return arabic(word);
        case text::Script::latin:
            return english_(text::unicode_normalize(word));  // erdoğan -> erdogan
        case text::Script::other:
            break;
    }
    return word;
}

std::string ScriptStemmer::get_description() const {
    return "naba-script(arabic-light10, english)";
}

Xapian::Stem make_script_stemmer() {
    // Xapian takes ownership through its reference count.
    return Xapian::Stem(new ScriptStemmer());
}

}  // namespace naba::stem
