; Sanad's own installer texts in Urdu: the names of sanad-en.nsh, with the same $variables.

!insertmacro LANGFILE_EXT Urdu

${LangFileString} SANAD_NAME "سند"
${LangFileString} SANAD_WELCOME_TEXT "سیٹ اپ سند ${VERSION} کو اس کمپیوٹر پر انسٹال کرے گا، یا ایک پورٹیبل سند بنائے گا جو یو ایس بی اسٹک سے چلتی ہے۔$\r$\n$\r$\nپرانی سند کے اوپر انسٹال کرنے سے آپ کا سارا ڈیٹا محفوظ رہتا ہے: صرف پروگرام بدلا جاتا ہے۔$\r$\n$\r$\n$_CLICK"

${LangFileString} SANAD_MODE_TITLE "انسٹالیشن کی قسم"
${LangFileString} SANAD_MODE_SUBTITLE "سند کو اس کمپیوٹر پر انسٹال کریں، یا اس کی پورٹیبل کاپی بنائیں۔"
${LangFileString} SANAD_MODE_INSTALLED "اس کمپیوٹر پر &انسٹال کریں (تجویز کردہ)"
${LangFileString} SANAD_MODE_INSTALLED_INFO "صرف آپ کے لیے؛ ایڈمنسٹریٹر کی ضرورت نہیں۔ سند اسٹارٹ مینو میں نظر آئے گی اور Settings، Apps سے ہٹائی جا سکتی ہے۔ اس کا ڈیٹا $LOCALAPPDATA\Sanad میں رہتا ہے۔"
${LangFileString} SANAD_MODE_PORTABLE "&پورٹیبل: یو ایس بی اسٹک سے چلائیں"
${LangFileString} SANAD_MODE_PORTABLE_INFO "پروگرام آپ کے منتخب کردہ فولڈر میں، مثلاً یو ایس بی اسٹک پر، کاپی ہو جاتا ہے۔ اس کا ڈیٹا اسی کے ساتھ SanadData فولڈر میں رہتا ہے، اس لیے اسٹک ہر کمپیوٹر پر کام کرتی ہے۔ نہ کوئی شارٹ کٹ بنتا ہے، نہ ونڈوز میں کچھ لکھا جاتا ہے۔"

${LangFileString} SANAD_SECTION_PROGRAM "سند"
${LangFileString} SANAD_SECTION_STARTMENU "اسٹارٹ مینو شارٹ کٹ"
${LangFileString} SANAD_SECTION_DESKTOP "ڈیسک ٹاپ شارٹ کٹ"
${LangFileString} SANAD_DESC_PROGRAM "سند کا پروگرام۔ آپ کا ڈیٹا اس کا حصہ نہیں: وہ $LOCALAPPDATA\Sanad میں رہتا ہے۔"
${LangFileString} SANAD_DESC_STARTMENU "اسٹارٹ مینو میں سند۔"
${LangFileString} SANAD_DESC_DESKTOP "ڈیسک ٹاپ پر سند کا آئیکن۔"

${LangFileString} SANAD_DIR_INSTALLED_TEXT "سیٹ اپ سند کو نیچے دیے گئے فولڈر میں انسٹال کرے گا۔ اگر وہاں پرانی سند موجود ہے تو وہ بدل دی جائے گی اور آپ کا ڈیٹا محفوظ رہے گا۔ کوئی اور فولڈر چننے کے لیے 'براؤز' پر کلک کریں۔ $_CLICK"
${LangFileString} SANAD_DIR_PORTABLE_TITLE "پورٹیبل فولڈر منتخب کریں"
${LangFileString} SANAD_DIR_PORTABLE_SUBTITLE "منتخب کریں کہ پورٹیبل سند کہاں رکھنی ہے، مثلاً یو ایس بی اسٹک پر۔"
${LangFileString} SANAD_DIR_PORTABLE_TEXT "سیٹ اپ سند کو نیچے دیے گئے فولڈر میں کاپی کرے گا۔ اس کا ڈیٹا اسی فولڈر کے اندر SanadData میں رہے گا: بیک اپ لینے یا منتقل کرنے کے لیے پورا فولڈر کاپی کریں۔ وہاں پہلے سے موجود پورٹیبل سند اپ ڈیٹ ہو جائے گی اور اس کا ڈیٹا محفوظ رہے گا۔ $_CLICK"
${LangFileString} SANAD_DIR_PORTABLE_DESTINATION "پورٹیبل فولڈر"
${LangFileString} SANAD_DIR_NOT_EMPTY "$INSTDIR میں پہلے سے دوسری فائلیں موجود ہیں۔$\r$\n$\r$\nسند کو اپنا الگ فولڈر چاہیے: کوئی نیا یا خالی فولڈر منتخب کریں، یا پرانی سند کا فولڈر۔"
${LangFileString} SANAD_DIR_IS_PORTABLE "$INSTDIR میں ایک پورٹیبل سند اور اس کا ڈیٹا موجود ہے۔$\r$\n$\r$\nاسے اپ ڈیٹ کرنے کے لیے پیچھے جا کر پورٹیبل انسٹالیشن منتخب کریں۔ سند کو اس کمپیوٹر پر انسٹال کرنے کے لیے کوئی اور فولڈر منتخب کریں۔"
${LangFileString} SANAD_DIR_IS_INSTALLED "$INSTDIR میں ایسی سند موجود ہے جو اپنا ڈیٹا اپنے ساتھ نہیں بلکہ اس کمپیوٹر پر رکھتی ہے۔$\r$\n$\r$\nپورٹیبل سند کے لیے کوئی اور فولڈر منتخب کریں۔"

${LangFileString} SANAD_RUNNING "سند کھلی ہوئی ہے (یہ $INSTDIR سے چل رہی ہے)۔$\r$\n$\r$\nسند کی تمام ونڈوز بند کریں، پھر Retry پر کلک کریں۔"
${LangFileString} SANAD_MARKER_FAILED "سیٹ اپ $INSTDIR\sanad.portable نہیں بنا سکا، وہ فائل جس کی بدولت پورٹیبل سند اپنا ڈیٹا اپنے ساتھ رکھتی ہے۔$\r$\n$\r$\nدیکھ لیں کہ یو ایس بی اسٹک رائٹ پروٹیکٹڈ یا بھری ہوئی تو نہیں، پھر سیٹ اپ دوبارہ چلائیں۔"

${LangFileString} SANAD_FINISH_INSTALLED "سند اس کمپیوٹر پر انسٹال ہو گئی ہے۔ اسے اسٹارٹ مینو سے کھولیں۔$\r$\n$\r$\nآپ کا ڈیٹا $LOCALAPPDATA\Sanad میں رہتا ہے۔ سند ان انسٹال کرنے سے یہ کبھی حذف نہیں ہوتا۔"
${LangFileString} SANAD_FINISH_PORTABLE "پورٹیبل سند $INSTDIR میں تیار ہے۔ کسی بھی کمپیوٹر پر استعمال کے لیے اس فولڈر میں sanad.exe کھولیں۔$\r$\n$\r$\nاس کا ڈیٹا $INSTDIR\SanadData میں رہے گا۔"
${LangFileString} SANAD_FINISH_RUN "سند ابھی &کھولیں"

${LangFileString} SANAD_UNINSTALL_TEXT "سند نیچے دیے گئے فولڈر سے ہٹا دی جائے گی۔$\r$\n$\r$\n$LOCALAPPDATA\Sanad میں آپ کا ڈیٹا (کیمپس کے ڈیٹا بیس، شواہد، کلیدیں اور بیک اپ) محفوظ رہے گا: ان انسٹالر اسے کبھی حذف نہیں کرتا۔ یہ فولڈر خود صرف اسی وقت حذف کریں جب آپ کو یقین ہو کہ کسی کو اس کی ضرورت نہیں۔"
${LangFileString} SANAD_UNFINISH_TEXT "سند اس کمپیوٹر سے ہٹا دی گئی ہے۔$\r$\n$\r$\nآپ کا ڈیٹا اب بھی $LOCALAPPDATA\Sanad میں موجود ہے۔ سند دوبارہ انسٹال کرنے پر یہ ڈیٹا پہلے کی طرح کھل جائے گا۔"
