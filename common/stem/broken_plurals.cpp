#include "stem/broken_plurals.h"

#include <functional>
#include <string>
#include <unordered_map>

#include "stem/arabic_light10.h"
#include "text/arabic_normalizer.h"

namespace naba::stem {
namespace {

// Plural, singular; as written (the stems are computed from them). Grouped by topic.
constexpr BrokenPlural kList[] = {
    // people
    {"أطفال", "طفل"}, {"أولاد", "ولد"}, {"أبناء", "ابن"}, {"رجال", "رجل"}, {"نساء", "امرأة"},
    {"شباب", "شاب"}, {"شيوخ", "شيخ"}, {"أصدقاء", "صديق"}, {"أعداء", "عدو"}, {"زملاء", "زميل"},
    {"شركاء", "شريك"}, {"أقارب", "قريب"}, {"أفراد", "فرد"}, {"أشخاص", "شخص"}, {"فقراء", "فقير"},
    {"أغنياء", "غني"}, {"أجانب", "أجنبي"}, {"أجيال", "جيل"}, {"شعوب", "شعب"}, {"قبائل", "قبيلة"},
    // roles and professions
    {"قادة", "قائد"}, {"زعماء", "زعيم"}, {"وزراء", "وزير"}, {"رؤساء", "رئيس"}, {"سفراء", "سفير"},
    {"أمراء", "أمير"}, {"ملوك", "ملك"}, {"سلاطين", "سلطان"}, {"خلفاء", "خليفة"}, {"نواب", "نائب"},
    {"أعضاء", "عضو"}, {"خبراء", "خبير"}, {"أطباء", "طبيب"}, {"طلاب", "طالب"}, {"عمال", "عامل"},
    {"أساتذة", "أستاذ"}, {"تلاميذ", "تلميذ"}, {"مدراء", "مدير"}, {"أئمة", "إمام"},
    {"أنبياء", "نبي"}, {"رسل", "رسول"}, {"ملائكة", "ملاك"},
    // conflict
    {"جنود", "جندي"}, {"ضباط", "ضابط"}, {"جيوش", "جيش"}, {"شهداء", "شهيد"}, {"سجناء", "سجين"},
    {"رهائن", "رهينة"}, {"ضحايا", "ضحية"}, {"سجون", "سجن"}, {"أسلحة", "سلاح"}, {"صواريخ", "صاروخ"},
    {"قنابل", "قنبلة"}, {"ذخائر", "ذخيرة"}, {"أنفاق", "نفق"}, {"معارك", "معركة"},
    {"حروب", "حرب"}, {"جرائم", "جريمة"}, {"مجازر", "مجزرة"}, {"معابر", "معبر"}, {"حواجز", "حاجز"},
    {"فصائل", "فصيل"}, {"كتائب", "كتيبة"}, {"أجنحة", "جناح"}, {"خلايا", "خلية"}, {"عناصر", "عنصر"},
    {"أحزاب", "حزب"}, {"أضرار", "ضرر"}, {"أخطار", "خطر"},
    // places and buildings
    {"بلاد", "بلد"}, {"أوطان", "وطن"}, {"عواصم", "عاصمة"}, {"أقاليم", "إقليم"},
    {"مناطق", "منطقة"}, {"أراضي", "أرض"}, {"مواقع", "موقع"}, {"مراكز", "مركز"}, {"شوارع", "شارع"},
    {"طرق", "طريق"}, {"جسور", "جسر"}, {"أبراج", "برج"}, {"أسوار", "سور"}, {"قصور", "قصر"},
    {"بيوت", "بيت"}, {"منازل", "منزل"}, {"مباني", "مبنى"}, {"مساجد", "مسجد"}, {"جوامع", "جامع"},
    {"كنائس", "كنيسة"}, {"معابد", "معبد"}, {"أديرة", "دير"}, {"مدارس", "مدرسة"}, {"مقابر", "مقبرة"},
    {"قبور", "قبر"}, {"موانئ", "ميناء"}, {"أسواق", "سوق"}, {"بنوك", "بنك"}, {"مجالس", "مجلس"},
    {"جبال", "جبل"}, {"بحار", "بحر"}, {"أنهار", "نهر"}, {"جزر", "جزيرة"},
    // time and quantity
    {"أيام", "يوم"}, {"شهور", "شهر"}, {"أعوام", "عام"}, {"أسابيع", "أسبوع"}, {"عصور", "عصر"},
    {"ثواني", "ثانية"}, {"دقائق", "دقيقة"}, {"ليالي", "ليلة"}, {"أرقام", "رقم"}, {"أعداد", "عدد"},
    {"ملايين", "مليون"}, {"آلاف", "ألف"}, {"أجزاء", "جزء"}, {"أقسام", "قسم"},
    // affairs and abstractions
    {"أخبار", "خبر"}, {"أسعار", "سعر"}, {"أموال", "مال"}, {"أعمال", "عمل"}, {"أرباح", "ربح"},
    {"أجور", "أجر"}, {"أهداف", "هدف"}, {"أسباب", "سبب"}, {"أحداث", "حدث"}, {"أحكام", "حكم"},
    {"أفكار", "فكرة"}, {"أسماء", "اسم"}, {"أصوات", "صوت"}, {"أنواع", "نوع"}, {"أوقات", "وقت"},
    {"أنظمة", "نظام"}, {"أجهزة", "جهاز"}, {"أمراض", "مرض"}, {"مصادر", "مصدر"},
    {"مشاكل", "مشكلة"}, {"مشاريع", "مشروع"}, {"مواد", "مادة"}, {"موارد", "مورد"},
    {"مطالب", "مطلب"}, {"مبادئ", "مبدأ"}, {"مواقف", "موقف"}, {"مراحل", "مرحلة"},
    {"نتائج", "نتيجة"}, {"وثائق", "وثيقة"}, {"حقائق", "حقيقة"}, {"قوانين", "قانون"}, {"شروط", "شرط"},
    {"حقوق", "حق"}, {"حلول", "حل"}, {"أحوال", "حال"}, {"ظروف", "ظرف"}, {"أوامر", "أمر"},
    {"أمور", "أمر"}, {"آراء", "رأي"}, {"أسئلة", "سؤال"}, {"أساليب", "أسلوب"}, {"وسائل", "وسيلة"},
    {"تقارير", "تقرير"}, {"برامج", "برنامج"}, {"أفلام", "فيلم"}, {"رسائل", "رسالة"},
    {"أوراق", "ورقة"}, {"بحوث", "بحث"}, {"أبحاث", "بحث"}, {"دروس", "درس"}, {"علوم", "علم"},
};

std::string stem_of(std::string_view word) { return light10(text::arabic_normalize(word)); }

// Looked up with a string_view, without a copy (the stemmer runs on every token).
struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Table = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;

const Table& table() {
    static const Table map = [] {
        Table m;
        // The plural alone and with the article: Light10 strips one article only, so
        // آلاف gives اف but الآلاف gives الاف.
        for (const BrokenPlural& p : kList) {
            const std::string singular = stem_of(p.singular);
            for (std::string plural : {stem_of(p.plural), stem_of("ال" + std::string(p.plural))})
                if (plural != singular) m.emplace(std::move(plural), singular);
        }
        // A singular's stem can be another plural's stem (سجين -> سج, as سجون): follow it.
        for (auto& [plural, singular] : m)
            if (auto it = m.find(singular); it != m.end() && it->first != plural) singular = it->second;
        return m;
    }();
    return map;
}

}  // namespace

std::string_view singular_stem(std::string_view stem) {
    const auto& map = table();
    if (auto it = map.find(stem); it != map.end()) return it->second;
    return stem;
}

std::string_view singular_word(std::string_view stem) {
    static const Table map = [] {
        Table m;
        for (const BrokenPlural& p : kList)
            for (std::string plural : {stem_of(p.plural), stem_of("ال" + std::string(p.plural))})
                m.emplace(std::move(plural), text::arabic_normalize(p.singular));
        return m;
    }();
    if (auto it = map.find(stem); it != map.end()) return it->second;
    return "";
}

std::span<const BrokenPlural> broken_plural_list() { return kList; }

}  // namespace naba::stem
