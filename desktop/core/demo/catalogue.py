"""The demo's national catalogue: the four learning tracks of the seed study and the example
micro-credentials of the QAU concept note, in English and Urdu.

Everything here is data; :func:`desktop.core.demo.create_demo` enters it through the catalogue
services, so it passes the same validation as anything a focal person types.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CREDENTIALS", "PATHWAYS", "TRACKS", "DemoCredential", "rubric_for"]

# (code, English, Urdu)
TRACKS = (
    ("DA", "Data Analytics", "ڈیٹا اینالیٹکس"),
    ("MS", "Management Sciences", "انتظامی علوم"),
    ("BM", "Business and Marketing", "کاروبار اور مارکیٹنگ"),
    ("PL", "Programming Languages", "پروگرامنگ زبانیں"),
)


@dataclass(frozen=True)
class DemoCredential:
    code: str
    track: str
    title_en: str
    title_ur: str
    description_en: str
    description_ur: str
    level: int
    notional_hours: int
    credit_value: float
    competencies: tuple[tuple[str, str], ...]
    # (English, Urdu, kinds of evidence accepted)
    evidence: tuple[tuple[str, str, tuple[str, ...]], ...]
    # (English, Urdu) criteria of the rubric
    criteria: tuple[tuple[str, str], ...]
    validity_months: int | None = None
    status: str = "published"
    # file extension and kind of content for generated evidence files
    artefact: str = "txt"


CREDENTIALS: tuple[DemoCredential, ...] = (
    DemoCredential(
        "DA-101",
        "DA",
        "Data Analytics Fundamentals",
        "ڈیٹا اینالیٹکس کی بنیادیں",
        "Clean, summarise and visualise a real data set, and explain what it shows to a "
        "non-specialist audience.",
        "ایک حقیقی ڈیٹا سیٹ کو صاف کریں، اس کا خلاصہ اور گراف بنائیں، اور عام قاری کو سمجھائیں "
        "کہ یہ کیا بتاتا ہے۔",
        5,
        60,
        2.0,
        (
            ("Clean and prepare a tabular data set", "جدول کی صورت میں ڈیٹا کو صاف اور تیار کرنا"),
            ("Summarise data with descriptive statistics", "وضاحتی شماریات سے ڈیٹا کا خلاصہ"),
            ("Choose and draw an honest chart", "درست اور دیانت دار گراف کا انتخاب"),
        ),
        (
            (
                "Cleaned data set with a data dictionary",
                "ڈیٹا ڈکشنری کے ساتھ صاف شدہ ڈیٹا",
                ("file",),
            ),
            ("Two-page findings report", "نتائج کی دو صفحاتی رپورٹ", ("file", "link")),
        ),
        (
            ("Data preparation", "ڈیٹا کی تیاری"),
            ("Analysis", "تجزیہ"),
            ("Communication of findings", "نتائج کا ابلاغ"),
        ),
        validity_months=36,
        artefact="csv",
    ),
    DemoCredential(
        "DA-102",
        "DA",
        "Data Science",
        "ڈیٹا سائنس",
        "Frame a question, build and evaluate a simple predictive model, and state its limits.",
        "سوال متعین کریں، ایک سادہ پیش گوئی ماڈل بنائیں اور جانچیں، اور اس کی حدود بیان کریں۔",
        6,
        90,
        3.0,
        (
            ("Frame an answerable data question", "قابلِ جواب ڈیٹا سوال متعین کرنا"),
            ("Train and evaluate a model", "ماڈل کی تربیت اور جانچ"),
        ),
        (
            (
                "Notebook with the model and its evaluation",
                "ماڈل اور جانچ کی نوٹ بک",
                ("file", "link"),
            ),
            ("Reflection on the model's limits", "ماڈل کی حدود پر غور", ("reflection",)),
        ),
        (("Problem framing", "مسئلے کی تشکیل"), ("Modelling", "ماڈل سازی"), ("Evaluation", "جانچ")),
        validity_months=36,
        artefact="py",
    ),
    DemoCredential(
        "DA-201",
        "DA",
        "Biostatistics",
        "حیاتیاتی شماریات",
        "Apply hypothesis tests and confidence intervals to health and biology data.",
        "صحت اور حیاتیات کے ڈیٹا پر مفروضہ جانچ اور اعتماد کے وقفے کا اطلاق۔",
        6,
        75,
        3.0,
        (
            ("Choose a suitable statistical test", "موزوں شماریاتی جانچ کا انتخاب"),
            ("Interpret p-values and intervals", "پی ویلیو اور وقفوں کی تشریح"),
        ),
        (("Analysis of a clinical data set", "کلینیکل ڈیٹا کا تجزیہ", ("file",)),),
        (("Method choice", "طریقے کا انتخاب"), ("Interpretation", "تشریح")),
        artefact="csv",
    ),
    DemoCredential(
        "DA-202",
        "DA",
        "Research Methods: Quantitative and Qualitative",
        "تحقیقی طریقۂ کار: مقداری اور معیاری",
        "Design a small study, collect data ethically and analyse it with mixed methods.",
        "ایک مختصر مطالعہ ترتیب دیں، اخلاقی طور پر ڈیٹا جمع کریں اور مخلوط طریقوں سے تجزیہ کریں۔",
        7,
        90,
        3.0,
        (
            ("Design a study with a clear question", "واضح سوال کے ساتھ مطالعہ ترتیب دینا"),
            ("Collect data ethically", "اخلاقی طریقے سے ڈیٹا جمع کرنا"),
        ),
        (
            ("Research proposal", "تحقیقی تجویز", ("file",)),
            ("Ethics reflection", "اخلاقیات پر غور", ("reflection",)),
        ),
        (("Design", "ترتیب"), ("Ethics", "اخلاقیات"), ("Analysis", "تجزیہ")),
        artefact="txt",
    ),
    DemoCredential(
        "PL-101",
        "PL",
        "Python Programming",
        "پائتھن پروگرامنگ",
        "Write, test and document small Python programs that automate everyday tasks.",
        "روزمرہ کاموں کو خودکار بنانے والے چھوٹے پائتھن پروگرام لکھیں، جانچیں اور دستاویزی بنائیں۔",
        4,
        60,
        2.0,
        (
            ("Write readable Python functions", "پڑھنے میں آسان پائتھن فنکشن لکھنا"),
            ("Test a program", "پروگرام کی جانچ"),
        ),
        (
            ("Program source with tests", "ٹیسٹ کے ساتھ پروگرام کا سورس", ("file", "link")),
            ("Short demonstration write-up", "مختصر عملی مظاہرے کی تحریر", ("reflection", "file")),
        ),
        (("Correctness", "درستی"), ("Code quality", "کوڈ کا معیار"), ("Testing", "جانچ")),
        validity_months=24,
        artefact="py",
    ),
    DemoCredential(
        "PL-102",
        "PL",
        "R for Data Analysis",
        "ڈیٹا تجزیے کے لیے R",
        "Import, reshape and model data in R, and report with reproducible scripts.",
        "R میں ڈیٹا درآمد، ترتیب اور ماڈل کریں، اور قابلِ اعادہ اسکرپٹ سے رپورٹ بنائیں۔",
        5,
        45,
        1.5,
        (
            ("Reshape data in R", "R میں ڈیٹا کی ترتیب"),
            ("Write a reproducible script", "قابلِ اعادہ اسکرپٹ"),
        ),
        (("Reproducible analysis script", "قابلِ اعادہ تجزیاتی اسکرپٹ", ("file",)),),
        (("Correctness", "درستی"), ("Reproducibility", "قابلِ اعادگی")),
        validity_months=24,
        artefact="R",
    ),
    DemoCredential(
        "PL-103",
        "PL",
        "SQL for Databases",
        "ڈیٹا بیس کے لیے SQL",
        "Design a small relational schema and answer business questions with SQL queries.",
        "ایک چھوٹا رشتہ جاتی ڈیٹا بیس ڈھانچہ بنائیں اور SQL سوالات سے کاروباری سوالوں کے جواب دیں۔",
        4,
        45,
        1.5,
        (
            ("Design tables and keys", "جدول اور کلیدیں بنانا"),
            ("Write joins and aggregates", "جوائن اور مجموعی سوالات"),
        ),
        (("Schema and query file", "ڈھانچے اور سوالات کی فائل", ("file",)),),
        (("Schema design", "ڈھانچے کی ترتیب"), ("Query correctness", "سوالات کی درستی")),
        validity_months=24,
        artefact="sql",
    ),
    DemoCredential(
        "PL-201",
        "PL",
        "Cloud Computing Essentials",
        "کلاؤڈ کمپیوٹنگ کی بنیادی باتیں",
        "Deploy and monitor a small web service on a cloud platform, and estimate its cost.",
        "کلاؤڈ پلیٹ فارم پر ایک چھوٹی ویب سروس چلائیں، نگرانی کریں اور لاگت کا اندازہ لگائیں۔",
        5,
        60,
        2.0,
        (("Deploy a service", "سروس چلانا"), ("Estimate running costs", "اخراجات کا اندازہ")),
        (
            ("Deployment link and notes", "ڈیپلائمنٹ کا لنک اور نوٹس", ("link", "file")),
            ("Cost estimate", "لاگت کا تخمینہ", ("file",)),
        ),
        (("Deployment", "ڈیپلائمنٹ"), ("Cost awareness", "لاگت کا شعور")),
        validity_months=24,
        artefact="md",
    ),
    DemoCredential(
        "PL-202",
        "PL",
        "Machine Learning Foundations",
        "مشین لرننگ کی بنیادیں",
        "Train, validate and compare supervised learning models on tabular data.",
        "جدولی ڈیٹا پر نگرانی شدہ لرننگ ماڈلز کی تربیت، توثیق اور موازنہ۔",
        6,
        90,
        3.0,
        (("Compare models fairly", "ماڈلز کا منصفانہ موازنہ"),),
        (("Model comparison notebook", "ماڈل موازنہ نوٹ بک", ("file", "link")),),
        (("Method", "طریقہ"), ("Validation", "توثیق")),
        status="draft",
        artefact="py",
    ),
    DemoCredential(
        "MS-101",
        "MS",
        "Educational Leadership",
        "تعلیمی قیادت",
        "Lead a team of teachers through a planned improvement, using evidence of learning.",
        "سیکھنے کے شواہد کی بنیاد پر اساتذہ کی ٹیم کو ایک منصوبہ بند بہتری کی طرف لے جانا۔",
        7,
        60,
        2.0,
        (
            ("Plan an improvement", "بہتری کا منصوبہ"),
            ("Use evidence of learning", "سیکھنے کے شواہد کا استعمال"),
        ),
        (
            ("Improvement plan", "بہتری کا منصوبہ", ("file",)),
            ("Reflection on leading the change", "تبدیلی کی قیادت پر غور", ("reflection",)),
        ),
        (("Planning", "منصوبہ بندی"), ("Leadership", "قیادت")),
    ),
    DemoCredential(
        "MS-102",
        "MS",
        "Mentoring and Coaching",
        "رہنمائی اور کوچنگ",
        "Hold structured coaching conversations and keep a mentoring log over six weeks.",
        "منظم کوچنگ گفتگو کریں اور چھ ہفتوں تک رہنمائی کا ریکارڈ رکھیں۔",
        6,
        40,
        1.5,
        (("Run a coaching conversation", "کوچنگ گفتگو کرنا"),),
        (
            ("Mentoring log", "رہنمائی کا ریکارڈ", ("file",)),
            ("Mentee feedback", "زیرِ رہنمائی فرد کی رائے", ("file", "reflection")),
        ),
        (("Listening and questioning", "سننا اور سوال کرنا"), ("Follow-through", "پیروی")),
    ),
    DemoCredential(
        "MS-103",
        "MS",
        "Inclusive Learning",
        "جامع تعلیم",
        "Adapt lessons and assessment for learners with different needs and backgrounds.",
        "مختلف ضروریات اور پس منظر والے طلبہ کے لیے اسباق اور جانچ میں تبدیلی۔",
        6,
        40,
        1.5,
        (("Adapt a lesson", "سبق میں موزوں تبدیلی"),),
        (("Adapted lesson plan", "تبدیل شدہ سبق کا منصوبہ", ("file",)),),
        (("Adaptation", "تبدیلی"), ("Justification", "جواز")),
    ),
    DemoCredential(
        "MS-104",
        "MS",
        "Gender Equality in the Workplace",
        "کام کی جگہ پر صنفی مساوات",
        "Review a workplace policy for gender equality and propose practical changes.",
        "صنفی مساوات کے لیے کام کی جگہ کی پالیسی کا جائزہ لیں اور عملی تبدیلیاں تجویز کریں۔",
        5,
        30,
        1.0,
        (("Review a policy", "پالیسی کا جائزہ"),),
        (("Policy review", "پالیسی کا جائزہ", ("file", "reflection")),),
        (("Analysis", "تجزیہ"), ("Recommendations", "سفارشات")),
    ),
    DemoCredential(
        "MS-105",
        "MS",
        "Tools for Climate Change",
        "موسمیاتی تبدیلی کے اوزار",
        "Measure an organisation's carbon footprint and plan realistic reductions.",
        "کسی ادارے کے کاربن اخراج کی پیمائش کریں اور حقیقت پسندانہ کمی کا منصوبہ بنائیں۔",
        5,
        45,
        1.5,
        (("Measure a carbon footprint", "کاربن اخراج کی پیمائش"),),
        (("Footprint workbook", "اخراج کی ورک بک", ("file",)),),
        (("Measurement", "پیمائش"), ("Planning", "منصوبہ بندی")),
        artefact="csv",
    ),
    DemoCredential(
        "BM-101",
        "BM",
        "Business Management",
        "کاروباری انتظام",
        "Write a one-year operating plan for a small business, with budget and risks.",
        "ایک چھوٹے کاروبار کے لیے بجٹ اور خطرات کے ساتھ ایک سالہ عملی منصوبہ لکھیں۔",
        5,
        60,
        2.0,
        (("Plan operations", "عملی منصوبہ بندی"), ("Draw up a budget", "بجٹ بنانا")),
        (
            ("Operating plan", "عملی منصوبہ", ("file",)),
            ("Pitch recording link", "پیشکش کی ریکارڈنگ کا لنک", ("link",)),
        ),
        (("Planning", "منصوبہ بندی"), ("Finance", "مالیات"), ("Presentation", "پیشکش")),
    ),
    DemoCredential(
        "BM-102",
        "BM",
        "Digital Marketing",
        "ڈیجیٹل مارکیٹنگ",
        "Plan, run and measure a small social-media campaign for a local business.",
        "مقامی کاروبار کے لیے سوشل میڈیا مہم کی منصوبہ بندی، عمل اور پیمائش۔",
        4,
        45,
        1.5,
        (("Plan a campaign", "مہم کی منصوبہ بندی"), ("Measure results", "نتائج کی پیمائش")),
        (
            ("Campaign plan", "مہم کا منصوبہ", ("file",)),
            ("Results and lessons", "نتائج اور اسباق", ("reflection", "file")),
        ),
        (("Strategy", "حکمتِ عملی"), ("Measurement", "پیمائش")),
        validity_months=24,
    ),
    DemoCredential(
        "BM-103",
        "BM",
        "Freelancing and E-commerce",
        "فری لانسنگ اور ای کامرس",
        "Set up a freelancing profile or online shop, price services and handle clients.",
        "فری لانسنگ پروفائل یا آن لائن دکان بنائیں، خدمات کی قیمت طے کریں "
        "اور گاہکوں سے معاملہ کریں۔",
        3,
        30,
        1.0,
        (("Present services online", "آن لائن خدمات کی پیشکش"),),
        (("Profile or shop link", "پروفائل یا دکان کا لنک", ("link",)),),
        (("Presentation", "پیشکش"), ("Pricing", "قیمت کا تعین")),
    ),
)

# (code, English, Urdu, rule, members, required count, credit awarded)
PATHWAYS = (
    (
        "PATH-DATA-ANALYST",
        "Data Analyst Pathway",
        "ڈیٹا اینالسٹ کا راستہ",
        "all_of",
        ("DA-101", "PL-101", "PL-103"),
        None,
        6.0,
    ),
    (
        "PATH-ACADEMIC-LEAD",
        "Academic Leadership Pathway",
        "تعلیمی قیادت کا راستہ",
        "n_of",
        ("MS-101", "MS-102", "MS-103", "MS-104"),
        3,
        5.0,
    ),
)

LEVELS = (
    ("Beginning", "ابتدائی", 0),
    ("Developing", "ترقی پذیر", 1),
    ("Proficient", "ماہر", 2),
    ("Exemplary", "مثالی", 3),
)

_DESCRIPTORS_EN = (
    "Not yet shown: {c} is missing or mostly incorrect.",
    "Partly shown: {c} has significant gaps or errors.",
    "Shown: {c} is correct, with minor gaps.",
    "Shown independently: {c} is correct, complete and well justified.",
)
_DESCRIPTORS_UR = (
    "ابھی ظاہر نہیں: {c} موجود نہیں یا زیادہ تر غلط ہے۔",
    "جزوی طور پر ظاہر: {c} میں نمایاں کمی یا غلطیاں ہیں۔",
    "ظاہر: {c} درست ہے، معمولی کمی کے ساتھ۔",
    "خود مختاری سے ظاہر: {c} درست، مکمل اور مدلل ہے۔",
)


def rubric_for(credential: DemoCredential) -> dict:
    """A four-level rubric: every criterion at least Developing, and a total of 2 per criterion."""
    return {
        "levels": [{"label_en": en, "label_ur": ur, "points": p} for en, ur, p in LEVELS],
        "criteria": [
            {
                "title_en": en,
                "title_ur": ur,
                "descriptors_en": [d.format(c=en.lower()) for d in _DESCRIPTORS_EN],
                "descriptors_ur": [d.format(c=ur) for d in _DESCRIPTORS_UR],
            }
            for en, ur in credential.criteria
        ],
        "pass_rule": {"min_points_each": 1, "min_total": 2 * len(credential.criteria)},
    }
