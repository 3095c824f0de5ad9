// The stemmer Naba gives to Xapian: it picks a stemmer per token by script.
// Arabic-script tokens get Arabic orthographic normalization and Light10; Latin
// tokens get Xapian's English Snowball stemmer; anything else is left as it is.
//
// It normalizes raw words itself (Arabic letter mapping; accents on non-ASCII Latin)
// because Xapian also calls it on raw document text when it builds snippets, where
// words still carry harakat, tatweel, hamza forms and accents; on already-normalized
// words this is a no-op.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::stem {

class ScriptStemmer : public Xapian::StemImplementation {
  public:
    ScriptStemmer();
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

  private:
    std::string arabic(const std::string& word);

    Xapian::Stem english_;
    Xapian::Stem arabic_snowball_;  // only for the arabic-stemmer=snowball ablation
};

// A Xapian::Stem that owns a new ScriptStemmer.
Xapian::Stem make_script_stemmer();

}  // namespace naba::stem
