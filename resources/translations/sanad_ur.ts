<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en">
<context>
    <name>AssessorsDialog</name>
    <message>
        <source>Assessors of {cohort}</source>
        <translation>{cohort} کے جانچنے والے</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>جانچنے والے</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>BacklogPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n دن</numerusform>
            <numerusform>%n دن</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>سب سے پرانا</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>جانچنے والے</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>جانچنے والا</translation>
    </message>
    <message>
        <source>Waiting for them</source>
        <translation>ان کے منتظر</translation>
    </message>
    <message>
        <source>Median turnaround</source>
        <translation>درمیانی مدتِ جانچ</translation>
    </message>
    <message>
        <source>Waiting, by cohort</source>
        <translation>منتظر، بیچ کے لحاظ سے</translation>
    </message>
    <message>
        <source>Ass&amp;essors of this cohort…</source>
        <translation>اس بیچ کے جانچنے والے… (&amp;E)</translation>
    </message>
    <message>
        <source>Waiting, by assessor</source>
        <translation>منتظر، جانچنے والے کے لحاظ سے</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) waiting to be marked</source>
        <translation>
            <numerusform>%n کوشش جانچ کی منتظر</numerusform>
            <numerusform>%n کوششیں جانچ کی منتظر</numerusform>
        </translation>
    </message>
    <message>
        <source>median turnaround {days} days</source>
        <translation>درمیانی مدتِ جانچ {days} دن</translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <source>Backed up to {path}</source>
        <translation>بیک اپ یہاں محفوظ ہو گیا: {path}</translation>
    </message>
    <message>
        <source>The backup was not made: {error}</source>
        <translation>بیک اپ نہیں بنا: {error}</translation>
    </message>
</context>
<context>
    <name>BatchProgressDialog</name>
    <message>
        <source>Issuing credentials</source>
        <translation>اسناد جاری کی جا رہی ہیں</translation>
    </message>
    <message>
        <source>Opening the campus key…</source>
        <translation>کیمپس کی کلید کھولی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Issuing progress</source>
        <translation>اجرا کی پیش رفت</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Signing and recording: {done} of {total}</source>
        <translation>دستخط اور اندراج: {total} میں سے {done}</translation>
    </message>
    <message>
        <source>Stopping after the current credential…</source>
        <translation>موجودہ سند کے بعد روکا جا رہا ہے…</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>&amp;Micro-credentials</source>
        <translation>مائیکرو اسناد (&amp;M)</translation>
    </message>
    <message>
        <source>Pat&amp;hways</source>
        <translation>راستے (&amp;H)</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>draft</source>
        <translation>مسودہ</translation>
    </message>
    <message>
        <source>published</source>
        <translation>شائع شدہ</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ریٹائرڈ</translation>
    </message>
    <message>
        <source>national</source>
        <translation>قومی</translation>
    </message>
    <message>
        <source>campus</source>
        <translation>کیمپس</translation>
    </message>
</context>
<context>
    <name>CertificatesPanel</name>
    <message>
        <source>In force</source>
        <translation>نافذ</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>معطل</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>میعاد ختم</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>سیریل نمبر</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>تاریخِ اجرا</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>کوئی اختتامی تاریخ نہیں</translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Reading your certificates…</source>
        <translation>آپ کے سرٹیفکیٹ پڑھے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>Your certificates</source>
        <translation>آپ کے سرٹیفکیٹ</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>PDF محفوظ کریں… (&amp;P)</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>JSON محفوظ کریں… (&amp;J)</translation>
    </message>
    <message>
        <source>Verification link</source>
        <translation>تصدیق کا لنک</translation>
    </message>
    <message>
        <source>Add to LinkedIn profile</source>
        <translation>LinkedIn پروفائل میں شامل کریں</translation>
    </message>
    <message>
        <source>Copy the &amp;verification link</source>
        <translation>تصدیق کا لنک کاپی کریں (&amp;V)</translation>
    </message>
    <message>
        <source>Copy the &amp;LinkedIn link</source>
        <translation>LinkedIn کا لنک کاپی کریں (&amp;L)</translation>
    </message>
    <message>
        <source>The links work when online: the verification link shows anyone you send it to that the certificate is genuine and still in force, and the LinkedIn link adds it to your LinkedIn profile. The PDF and the JSON file can be checked offline.</source>
        <translation>یہ لنک آن لائن ہونے پر کام کرتے ہیں: تصدیق کا لنک جسے بھی آپ بھیجیں اسے دکھاتا ہے کہ سرٹیفکیٹ اصلی ہے اور اب بھی نافذ ہے، اور LinkedIn کا لنک اسے آپ کی LinkedIn پروفائل میں شامل کرتا ہے۔ PDF اور JSON فائل آف لائن بھی جانچی جا سکتی ہیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued to you.</source>
        <translation>
            <numerusform>آپ کو %n سرٹیفکیٹ جاری ہوا ہے۔</numerusform>
            <numerusform>آپ کو %n سرٹیفکیٹ جاری ہوئے ہیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate has been issued to you yet. When you pass a micro-credential, the campus issues its certificate and it appears here.</source>
        <translation>آپ کو ابھی کوئی سرٹیفکیٹ جاری نہیں ہوا۔ جب آپ کوئی مائیکرو سند کامیابی سے مکمل کریں گے تو کیمپس اس کا سرٹیفکیٹ جاری کرے گا اور وہ یہاں نظر آئے گا۔</translation>
    </message>
    <message>
        <source>This certificate was revoked by the campus: it is not offered for saving or sharing. Ask the focal person why.</source>
        <translation>کیمپس نے یہ سرٹیفکیٹ منسوخ کر دیا ہے: اسے محفوظ یا شیئر نہیں کیا جا سکتا۔ وجہ فوکل پرسن سے پوچھیں۔</translation>
    </message>
    <message>
        <source>Save the PDF certificate</source>
        <translation>PDF سرٹیفکیٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF certificates (*.pdf)</source>
        <translation>PDF سرٹیفکیٹ (*.pdf)</translation>
    </message>
    <message>
        <source>Save the JSON credential</source>
        <translation>JSON سند محفوظ کریں</translation>
    </message>
    <message>
        <source>JSON credentials (*.json)</source>
        <translation>JSON اسناد (*.json)</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>{file} محفوظ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>{file} could not be saved: {reason}. Choose another folder, or a USB drive with space on it.</source>
        <translation>{file} محفوظ نہیں ہو سکی: {reason}۔ کوئی اور فولڈر منتخب کریں، یا ایسی USB ڈرائیو جس میں جگہ ہو۔</translation>
    </message>
    <message>
        <source>This certificate is not yours to save.</source>
        <translation>یہ سرٹیفکیٹ آپ کا نہیں، اس لیے آپ اسے محفوظ نہیں کر سکتے۔</translation>
    </message>
    <message>
        <source>Copied: paste it where you want to share it.</source>
        <translation>کاپی ہو گیا: جہاں شیئر کرنا ہو وہاں پیسٹ کریں۔</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <source>Certify a campus request</source>
        <translation>کیمپس کی درخواست کی تصدیق</translation>
    </message>
    <message>
        <source>Certify only a request you know comes from this campus: read its key to them by telephone, or compare it with the one they gave you on paper.</source>
        <translation>صرف اسی درخواست کی تصدیق کریں جس کے بارے میں آپ جانتے ہوں کہ اسی کیمپس سے آئی ہے: اس کی کلید ٹیلی فون پر انہیں پڑھ کر سنائیں، یا اس کلید سے ملائیں جو انہوں نے آپ کو کاغذ پر دی۔</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>کیمپس</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>درخواست کی تاریخ</translation>
    </message>
    <message>
        <source>&amp;Passphrase of the root key</source>
        <translation>روٹ کلید کا پاس فریز (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Years valid</source>
        <translation>معتبر رہنے کے سال (&amp;Y)</translation>
    </message>
    <message>
        <source>Re&amp;gistry address</source>
        <translation>رجسٹری کا پتا (&amp;G)</translation>
    </message>
    <message>
        <source>Written into the certificate: the campus&apos;s credentials point to the registry to be checked online. Kept for the next certificates.</source>
        <translation>سرٹیفکیٹ میں لکھا جاتا ہے: کیمپس کی اسناد آن لائن جانچ کے لیے اسی رجسٹری کا حوالہ دیتی ہیں۔ اگلے سرٹیفکیٹوں کے لیے محفوظ رہتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Certify and save…</source>
        <translation>تصدیق کریں اور محفوظ کریں… (&amp;C)</translation>
    </message>
    <message>
        <source>From today until {date}</source>
        <translation>آج سے {date} تک</translation>
    </message>
    <message>
        <source>The certificate is made, but not saved yet: the campus needs the file to install it.</source>
        <translation>سرٹیفکیٹ بن گیا ہے، لیکن ابھی محفوظ نہیں ہوا: کیمپس کو اسے انسٹال کرنے کے لیے فائل چاہیے۔</translation>
    </message>
    <message>
        <source>Opening the root key and certifying…</source>
        <translation>روٹ کلید کھولی اور تصدیق کی جا رہی ہے…</translation>
    </message>
    <message>
        <source>From {start} until {until}</source>
        <translation>{start} سے {until} تک</translation>
    </message>
    <message>
        <source>&amp;Save the certificate…</source>
        <translation>سرٹیفکیٹ محفوظ کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>Save the certificate for the campus</source>
        <translation>کیمپس کے لیے سرٹیفکیٹ محفوظ کریں</translation>
    </message>
</context>
<context>
    <name>ChangeCredentialDialog</name>
    <message>
        <source>Revoke {serial}</source>
        <translation>سند {serial} منسوخ کریں</translation>
    </message>
    <message>
        <source>Revoking is final: verifiers will be told that this credential is revoked, and it cannot be reinstated. To correct a mistake in it, use Reissue instead, which also issues a replacement.</source>
        <translation>منسوخی حتمی ہے: جانچنے والوں کو بتایا جائے گا کہ یہ سند منسوخ ہے، اور اسے بحال نہیں کیا جا سکے گا۔ اگر اس میں کوئی غلطی درست کرنی ہو تو اس کے بجائے «دوبارہ جاری کریں» استعمال کریں، جو اس کی جگہ متبادل سند بھی جاری کرتا ہے۔</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>سند منسوخ کریں (&amp;V)</translation>
    </message>
    <message>
        <source>Suspend {serial}</source>
        <translation>سند {serial} معطل کریں</translation>
    </message>
    <message>
        <source>While it is suspended, verifiers are told so. Reinstate it when the matter is settled, or revoke it.</source>
        <translation>معطل رہنے تک جانچنے والوں کو یہی بتایا جاتا ہے۔ معاملہ طے ہونے پر اسے بحال کریں، یا منسوخ کریں۔</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>معطل کریں (&amp;S)</translation>
    </message>
    <message>
        <source>Reinstate {serial}</source>
        <translation>سند {serial} بحال کریں</translation>
    </message>
    <message>
        <source>Verifiers will be told that this credential is valid again.</source>
        <translation>جانچنے والوں کو بتایا جائے گا کہ یہ سند دوبارہ معتبر ہے۔</translation>
    </message>
    <message>
        <source>Rei&amp;nstate</source>
        <translation>بحال کریں (&amp;N)</translation>
    </message>
    <message>
        <source>Reissue {serial}</source>
        <translation>سند {serial} دوبارہ جاری کریں</translation>
    </message>
    <message>
        <source>{serial} is revoked with this reason, and a replacement with a new serial is issued for the same passed enrolment, from the records as they are now. Give the learner the new PDF and JSON: the old ones will show as revoked.</source>
        <translation>{serial} اس وجہ کے ساتھ منسوخ کی جاتی ہے، اور اسی کامیاب داخلے کے لیے نئے سیریل نمبر کے ساتھ متبادل سند، ریکارڈ کی موجودہ صورت کے مطابق، جاری کی جاتی ہے۔ طالب علم کو نئی PDF اور JSON دیں: پرانی منسوخ دکھائی دیں گی۔</translation>
    </message>
    <message>
        <source>Reiss&amp;ue</source>
        <translation>دوبارہ جاری کریں (&amp;U)</translation>
    </message>
    <message>
        <source>The campus key signs the status list that verifiers check, so its passphrase is needed.</source>
        <translation>جانچنے والے جس حیثیت کی فہرست کو دیکھتے ہیں اس پر کیمپس کی کلید دستخط کرتی ہے، اس لیے اس کا پاس فریز درکار ہے۔</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>وجہ (&amp;R)</translation>
    </message>
    <message>
        <source>Campus key &amp;passphrase</source>
        <translation>کیمپس کی کلید کا پاس فریز (&amp;P)</translation>
    </message>
    <message>
        <source>Demonstration campus: its key&apos;s passphrase is {passphrase}.</source>
        <translation>نمونے کا کیمپس: اس کی کلید کا پاس فریز {passphrase} ہے۔</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Opening the campus key and signing…</source>
        <translation>کیمپس کی کلید کھول کر دستخط کیے جا رہے ہیں…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>پاس ورڈ تبدیل کریں</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>موجودہ پاس ورڈ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>نیا پاس ورڈ (&amp;N)</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>نیا پاس ورڈ دوبارہ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>پاس ورڈ تبدیل کریں (&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>is not the same password</source>
        <translation>وہی پاس ورڈ نہیں</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>دوبارہ لکھیں</translation>
    </message>
</context>
<context>
    <name>ChooseCohortDialog</name>
    <message>
        <source>Enrol learners: choose the cohort</source>
        <translation>طلبہ داخل کریں: بیچ منتخب کریں</translation>
    </message>
    <message>
        <source>Cohort or micro-credential</source>
        <translation>بیچ یا مائیکرو سند</translation>
    </message>
    <message>
        <source>Find a cohort</source>
        <translation>بیچ تلاش کریں</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>نشستیں</translation>
    </message>
    <message>
        <source>Open cohorts</source>
        <translation>کھلے بیچ</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>اگلا (&amp;N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>No cohort is open for enrolment. Create one on the Cohorts screen.</source>
        <translation>کوئی بیچ داخلے کے لیے کھلا نہیں۔ بیچ کی اسکرین پر نیا بیچ بنائیں۔</translation>
    </message>
</context>
<context>
    <name>CohortForm</name>
    <message>
        <source>New cohort</source>
        <translation>نیا بیچ</translation>
    </message>
    <message>
        <source>&amp;Micro-credential</source>
        <translation>مائیکرو سند (&amp;M)</translation>
    </message>
    <message>
        <source>Cohort &amp;code</source>
        <translation>بیچ کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>آغاز کی تاریخ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>اختتام کی تاریخ (&amp;E)</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>طریقۂ تدریس (&amp;O)</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>بالمشافہ</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>مخلوط</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>آن لائن</translation>
    </message>
    <message>
        <source>Se&amp;ats</source>
        <translation>نشستیں (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fee (PKR)</source>
        <translation>فیس، روپے (&amp;F)</translation>
    </message>
    <message>
        <source>no fee</source>
        <translation>بلا فیس</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>جانچ کار</translation>
    </message>
    <message>
        <source>C&amp;reate the cohort</source>
        <translation>بیچ بنائیں (&amp;R)</translation>
    </message>
</context>
<context>
    <name>CohortsPage</name>
    <message>
        <source>Cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>نشستیں</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھلا</translation>
    </message>
    <message>
        <source>open</source>
        <translation>کھلا</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>کوشش</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>&amp;New cohort…</source>
        <translation>نیا بیچ… (&amp;N)</translation>
    </message>
    <message>
        <source>Choose a cohort to see its learners.</source>
        <translation>طلبہ دیکھنے کے لیے بیچ منتخب کریں۔</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>فہرستِ طلبہ</translation>
    </message>
    <message>
        <source>&amp;Enrol learners…</source>
        <translation>طلبہ داخل کریں… (&amp;E)</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>حیثیت تبدیل کریں… (&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>{cohort}: %Ln learner(s)</source>
        <translation>
            <numerusform>{cohort}: %Ln طالب علم</numerusform>
            <numerusform>{cohort}: %Ln طلبہ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialState</name>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>معطل</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>میعاد ختم</translation>
    </message>
</context>
<context>
    <name>CredentialTableModel</name>
    <message>
        <source>Serial</source>
        <translation>سیریل نمبر</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>طالب علم</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Micro-credential or pathway</source>
        <translation>مائیکرو سند یا راستہ</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>تاریخِ اجرا</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>میعاد ختم نہیں ہوتی</translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Counting the enrolments that wait…</source>
        <translation>منتظر داخلے گنے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>&amp;Issue credentials…</source>
        <translation>اسناد جاری کریں… (&amp;I)</translation>
    </message>
    <message>
        <source>Serial or learner&apos;s name</source>
        <translation>سیریل نمبر یا طالب علم کا نام</translation>
    </message>
    <message>
        <source>Search credentials by serial or learner</source>
        <translation>سیریل نمبر یا طالب علم سے اسناد تلاش کریں</translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>ہر کیفیت</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>دکھائیں (&amp;W)</translation>
    </message>
    <message>
        <source>Loading the credentials…</source>
        <translation>اسناد لوڈ ہو رہی ہیں…</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>اسناد</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>PDF محفوظ کریں… (&amp;P)</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>JSON محفوظ کریں… (&amp;J)</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>شیئر کریں… (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>منسوخ کریں… (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;uspend…</source>
        <translation>معطل کریں… (&amp;U)</translation>
    </message>
    <message>
        <source>Rein&amp;state…</source>
        <translation>بحال کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>R&amp;eissue…</source>
        <translation>دوبارہ جاری کریں… (&amp;E)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln passed enrolment(s) wait for their credential</source>
        <translation>
            <numerusform>%Ln کامیاب داخلہ اپنی سند کا منتظر ہے</numerusform>
            <numerusform>%Ln کامیاب داخلے اپنی سند کے منتظر ہیں</numerusform>
        </translation>
    </message>
    <message>
        <source>No passed enrolment waits for its credential.</source>
        <translation>کوئی کامیاب داخلہ اپنی سند کا منتظر نہیں۔</translation>
    </message>
    <message>
        <source>Demonstration data: these credentials are signed under the public demonstration root and prove nothing.</source>
        <translation>نمونے کا ڈیٹا: ان اسناد پر نمونے کی عوامی روٹ کلید کے تحت دستخط ہیں، اور یہ کچھ ثابت نہیں کرتیں۔</translation>
    </message>
    <message>
        <source>To try issuing, the demo campus key&apos;s passphrase is {passphrase}.</source>
        <translation>اجرا آزمانے کے لیے نمونے کے کیمپس کی کلید کا پاس فریز {passphrase} ہے۔</translation>
    </message>
    <message>
        <source>The credentials could not be read.</source>
        <translation>اسناد پڑھی نہیں جا سکیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s) match</source>
        <translation>
            <numerusform>%Ln سند ملتی ہے</numerusform>
            <numerusform>%Ln اسناد ملتی ہیں</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s)</source>
        <translation>
            <numerusform>%Ln سند</numerusform>
            <numerusform>%Ln اسناد</numerusform>
        </translation>
    </message>
    <message>
        <source>{old} is revoked; its replacement is {new}.</source>
        <translation>{old} منسوخ ہو گئی؛ اس کی متبادل {new} ہے۔</translation>
    </message>
    <message>
        <source>Save the PDF certificate</source>
        <translation>PDF سرٹیفکیٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF فائلیں (*.pdf)</translation>
    </message>
    <message>
        <source>Save the signed credential</source>
        <translation>دستخط شدہ سند محفوظ کریں</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON فائلیں (*.json)</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>{file} محفوظ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}). Choose another folder, or check that the drive has room and is not read-only.</source>
        <translation>{file} نہیں لکھی جا سکی ({reason})۔ کوئی اور فولڈر چنیں، یا دیکھیں کہ ڈرائیو میں جگہ ہے اور وہ صرف پڑھنے کے لیے نہیں۔</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Pass</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>Ask for a resubmission</source>
        <translation>دوبارہ جمع کرانے کو کہیں</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>ناکام</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol learners in {cohort}</source>
        <translation>{cohort} میں طلبہ داخل کریں</translation>
    </message>
    <message>
        <source>Search by name, registration number, CNIC or phone</source>
        <translation>نام، رجسٹریشن نمبر، شناختی کارڈ یا فون نمبر سے تلاش کریں</translation>
    </message>
    <message>
        <source>Search learners</source>
        <translation>طلبہ تلاش کریں</translation>
    </message>
    <message>
        <source>Learners to enrol</source>
        <translation>داخلے کے لیے طلبہ</translation>
    </message>
    <message>
        <source>From a CSV of &amp;registration numbers…</source>
        <translation>رجسٹریشن نمبروں کی CSV سے… (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Enrol the chosen learners</source>
        <translation>منتخب طلبہ داخل کریں (&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>CSV of registration numbers</source>
        <translation>رجسٹریشن نمبروں کی CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV فائلیں (*.csv *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) found in the file.</source>
        <translation>
            <numerusform>فائل میں %Ln طالب علم ملا۔</numerusform>
            <numerusform>فائل میں %Ln طلبہ ملے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Not registered here: {numbers}.</source>
        <translation>یہاں رجسٹرڈ نہیں: {numbers}۔</translation>
    </message>
    <message>
        <source>Enrol them?</source>
        <translation>انہیں داخل کریں؟</translation>
    </message>
    <message>
        <source>Choose one or more learners first.</source>
        <translation>پہلے ایک یا زیادہ طلبہ منتخب کریں۔</translation>
    </message>
</context>
<context>
    <name>EnrolmentStatus</name>
    <message>
        <source>Enrolled</source>
        <translation>داخل</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>جمع کرایا</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>دوبارہ جمع کرائیں</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>دستبردار</translation>
    </message>
</context>
<context>
    <name>EnrolmentTableModel</name>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>کوشش</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>کب سے</translation>
    </message>
</context>
<context>
    <name>EnrolmentsPage</name>
    <message>
        <source>Learner: name, registration number, CNIC or phone</source>
        <translation>طالب علم: نام، رجسٹریشن نمبر، شناختی کارڈ یا فون نمبر</translation>
    </message>
    <message>
        <source>Search enrolments by learner</source>
        <translation>طالب علم کے لحاظ سے داخلے تلاش کریں</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>ہر حیثیت</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>حیثیت (&amp;U)</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Every micro-credential</source>
        <translation>ہر مائیکرو سند</translation>
    </message>
    <message>
        <source>&amp;Micro-credential</source>
        <translation>مائیکرو سند (&amp;M)</translation>
    </message>
    <message>
        <source>Loading enrolments…</source>
        <translation>داخلوں کی فہرست آ رہی ہے…</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>داخلے</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>حیثیت تبدیل کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>تاریخچہ… (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Enrol learners…</source>
        <translation>طلبہ داخل کریں… (&amp;E)</translation>
    </message>
    <message>
        <source>Counting the enrolments…</source>
        <translation>داخلے گنے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>The enrolments could not be read.</source>
        <translation>داخلے پڑھے نہیں جا سکے۔</translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrolment(s) match</source>
        <translation>
            <numerusform>%Ln داخلہ ملا</numerusform>
            <numerusform>%Ln داخلے ملے</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrolment(s)</source>
        <translation>
            <numerusform>%Ln داخلہ</numerusform>
            <numerusform>%Ln داخلے</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>انگریزی نام</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>انگریزی عنوان</translation>
    </message>
    <message>
        <source>Urdu description</source>
        <translation>اردو تفصیل</translation>
    </message>
    <message>
        <source>Urdu name</source>
        <translation>اردو نام</translation>
    </message>
    <message>
        <source>Urdu title</source>
        <translation>اردو عنوان</translation>
    </message>
    <message>
        <source>account</source>
        <translation>اکاؤنٹ</translation>
    </message>
    <message>
        <source>address</source>
        <translation>ویب پتا</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>assessors</source>
        <translation>جانچ کار</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>کوشش</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>بیک اپ</translation>
    </message>
    <message>
        <source>campus</source>
        <translation>کیمپس</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>گنجائش</translation>
    </message>
    <message>
        <source>code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>cohort assessor</source>
        <translation>بیچ کا جانچ کار</translation>
    </message>
    <message>
        <source>competencies</source>
        <translation>مہارتیں</translation>
    </message>
    <message>
        <source>competency {item}</source>
        <translation>مہارت {item}</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>credential status entry</source>
        <translation>سند کی حیثیت کا اندراج</translation>
    </message>
    <message>
        <source>credit awarded</source>
        <translation>دیا جانے والا کریڈٹ</translation>
    </message>
    <message>
        <source>credit value</source>
        <translation>کریڈٹ کی مقدار</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>موجودہ پاس ورڈ</translation>
    </message>
    <message>
        <source>database</source>
        <translation>ڈیٹا بیس</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>تاریخ پیدائش</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <source>description</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>بیک اپ کی جگہ</translation>
    </message>
    <message>
        <source>device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <source>document</source>
        <translation>دستاویز</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ای میل</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>اختتام کی تاریخ</translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation>داخلہ</translation>
    </message>
    <message>
        <source>enrolment history entry</source>
        <translation>داخلے کے تاریخچے کا اندراج</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>شواہد</translation>
    </message>
    <message>
        <source>evidence requirement {item}</source>
        <translation>شواہد کی شرط {item}</translation>
    </message>
    <message>
        <source>evidence requirements</source>
        <translation>شواہد کی شرائط</translation>
    </message>
    <message>
        <source>father&apos;s or guardian&apos;s name</source>
        <translation>والد یا سرپرست کا نام</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>رائے</translation>
    </message>
    <message>
        <source>file</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>پورا نام</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>key certificate</source>
        <translation>کلید کا سرٹیفکیٹ</translation>
    </message>
    <message>
        <source>key certificate request</source>
        <translation>کلید کے سرٹیفکیٹ کی درخواست</translation>
    </message>
    <message>
        <source>largest evidence file</source>
        <translation>سب سے بڑی شواہد فائل</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>طالب علم</translation>
    </message>
    <message>
        <source>learning hours</source>
        <translation>تعلیمی گھنٹے</translation>
    </message>
    <message>
        <source>learning track</source>
        <translation>تعلیمی شعبہ</translation>
    </message>
    <message>
        <source>level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>link</source>
        <translation>لنک</translation>
    </message>
    <message>
        <source>marking</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>members</source>
        <translation>اجزا</translation>
    </message>
    <message>
        <source>micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>طریقۂ تدریس</translation>
    </message>
    <message>
        <source>name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>نیا پاس ورڈ</translation>
    </message>
    <message>
        <source>pass rule</source>
        <translation>کامیابی کا اصول</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>پاس فریز</translation>
    </message>
    <message>
        <source>password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <source>password again</source>
        <translation>پاس ورڈ دوبارہ</translation>
    </message>
    <message>
        <source>pathway</source>
        <translation>راستہ</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>پروگرام</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>reflection</source>
        <translation>تحریری جائزہ</translation>
    </message>
    <message>
        <source>region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>registry address</source>
        <translation>رجسٹری کا پتا</translation>
    </message>
    <message>
        <source>replaced credential</source>
        <translation>تبدیل کی جانے والی سند</translation>
    </message>
    <message>
        <source>required count</source>
        <translation>مطلوبہ تعداد</translation>
    </message>
    <message>
        <source>requirement</source>
        <translation>شرط</translation>
    </message>
    <message>
        <source>role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>rubric</source>
        <translation>روبرک</translation>
    </message>
    <message>
        <source>rubric criteria</source>
        <translation>روبرک کے معیارات</translation>
    </message>
    <message>
        <source>rubric criterion {criterion}</source>
        <translation>روبرک کا معیار {criterion}</translation>
    </message>
    <message>
        <source>rubric level {level}</source>
        <translation>روبرک کی سطح {level}</translation>
    </message>
    <message>
        <source>rubric levels</source>
        <translation>روبرک کی سطحیں</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>دائرہ</translation>
    </message>
    <message>
        <source>score</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>score for &apos;{criterion}&apos;</source>
        <translation>&apos;{criterion}&apos; کے نمبر</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>دستخطی کلید</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>آغاز کی تاریخ</translation>
    </message>
    <message>
        <source>status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>status list</source>
        <translation>حیثیت فہرست</translation>
    </message>
    <message>
        <source>track</source>
        <translation>شعبہ</translation>
    </message>
    <message>
        <source>trust list</source>
        <translation>فہرستِ اعتماد</translation>
    </message>
    <message>
        <source>user</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>user account</source>
        <translation>صارف اکاؤنٹ</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <source>validity</source>
        <translation>مدتِ اعتبار</translation>
    </message>
    <message>
        <source>years</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>زون</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Sanad</source>
        <translation>سند کی تیاری</translation>
    </message>
    <message>
        <source>Create the campus</source>
        <translation>کیمپس بنائیں</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>اگلا (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>پچھلا (&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Type the hub&apos;s address and the code the focal person gave you.</source>
        <translation>ہب کا پتا اور وہ کوڈ لکھیں جو فوکل پرسن نے آپ کو دیا۔</translation>
    </message>
    <message>
        <source>is not the same password</source>
        <translation>وہی پاس ورڈ نہیں</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>دوبارہ لکھیں</translation>
    </message>
    <message>
        <source>could not be set up: {reason}</source>
        <translation>قائم نہیں ہو سکا: {reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
</context>
<context>
    <name>HubPanel</name>
    <message>
        <source>Lab stations sync with this computer over the campus network. Keep Sanad open here while students work at the stations.</source>
        <translation>لیب اسٹیشن کیمپس کے نیٹ ورک پر اس کمپیوٹر سے ہم آہنگ ہوتے ہیں۔ جب طلبہ اسٹیشنوں پر کام کر رہے ہوں تو یہاں سند کھلا رکھیں۔</translation>
    </message>
    <message>
        <source>Serve lab stations on this net&amp;work</source>
        <translation>اس نیٹ ورک پر لیب اسٹیشنوں کو خدمت دیں (&amp;W)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>پورٹ</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>پورٹ (&amp;P)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>اسٹیشن</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>آخری ہم آہنگی</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>From</source>
        <translation>کہاں سے</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>گھڑی</translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Lab stations</source>
        <translation>لیب اسٹیشن</translation>
    </message>
    <message>
        <source>New station &amp;code…</source>
        <translation>اسٹیشن کا نیا کوڈ… (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>منسوخ کریں… (&amp;R)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>شروع ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>بند ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Serving lab stations on port {port}.</source>
        <translation>پورٹ {port} پر لیب اسٹیشنوں کو خدمت دی جا رہی ہے۔</translation>
    </message>
    <message>
        <source>Stations join at: {addresses}</source>
        <translation>اسٹیشن اس پتے پر جڑتے ہیں: {addresses}</translation>
    </message>
    <message>
        <source>This computer has no network address now: connect it to the campus network.</source>
        <translation>اس کمپیوٹر کا ابھی کوئی نیٹ ورک پتا نہیں: اسے کیمپس کے نیٹ ورک سے جوڑیں۔</translation>
    </message>
    <message>
        <source>Certificate fingerprint: {fingerprint} — a station checks it when it joins; read it out if someone asks.</source>
        <translation>سرٹیفکیٹ کا فنگر پرنٹ: {fingerprint} — اسٹیشن جڑتے وقت اسے جانچتا ہے؛ کوئی پوچھے تو پڑھ کر سنا دیں۔</translation>
    </message>
    <message>
        <source>Not serving: {error}</source>
        <translation>خدمت شروع نہیں ہوئی: {error}</translation>
    </message>
    <message>
        <source>Not serving lab stations.</source>
        <translation>لیب اسٹیشنوں کو خدمت نہیں دی جا رہی۔</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n min behind</source>
        <translation>
            <numerusform>⚠ %n منٹ پیچھے</numerusform>
            <numerusform>⚠ %n منٹ پیچھے</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n min ahead</source>
        <translation>
            <numerusform>⚠ %n منٹ آگے</numerusform>
            <numerusform>⚠ %n منٹ آگے</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Revoked {day}: {reason}</source>
        <translation>منسوخ {day}: {reason}</translation>
    </message>
    <message>
        <source>Revoked {day}</source>
        <translation>منسوخ {day}</translation>
    </message>
    <message>
        <source>{name} is revoked: it is refused from its next sync.</source>
        <translation>{name} منسوخ ہو گیا: اس کی اگلی ہم آہنگی رد کر دی جائے گی۔</translation>
    </message>
</context>
<context>
    <name>InstallDialog</name>
    <message>
        <source>Install a certificate</source>
        <translation>سرٹیفکیٹ انسٹال کریں</translation>
    </message>
    <message>
        <source>Type the root public key exactly as head office gave it to you, on paper or by telephone; spaces do not matter. Do not copy it from the e-mail or the file that brought the certificate: the key is what proves the certificate is head office&apos;s.</source>
        <translation>روٹ کی عوامی کلید بالکل ویسے ہی لکھیں جیسے ہیڈ آفس نے آپ کو کاغذ پر یا ٹیلی فون پر دی؛ خالی جگہوں سے فرق نہیں پڑتا۔ اسے اس ای میل یا فائل سے کاپی نہ کریں جس میں سرٹیفکیٹ آیا: یہی کلید ثابت کرتی ہے کہ سرٹیفکیٹ ہیڈ آفس کا ہے۔</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>کیمپس</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>From {start} until {until}</source>
        <translation>{start} سے {until} تک</translation>
    </message>
    <message>
        <source>Valid, as the file says</source>
        <translation>معتبر، فائل کے مطابق</translation>
    </message>
    <message>
        <source>Root public key</source>
        <translation>روٹ کی عوامی کلید</translation>
    </message>
    <message>
        <source>&amp;Root public key</source>
        <translation>روٹ کی عوامی کلید (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>انسٹال کریں (&amp;I)</translation>
    </message>
    <message>
        <source>Checking the certificate…</source>
        <translation>سرٹیفکیٹ جانچا جا رہا ہے…</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue credentials</source>
        <translation>اسناد جاری کریں</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>جاری کریں (&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Passed enrolments that wait for their credential. Each chosen one is signed with the campus key and recorded; the learner can then take it away as a PDF and a JSON file.</source>
        <translation>وہ کامیاب داخلے جو اپنی سند کے منتظر ہیں۔ ہر چنی گئی سند پر کیمپس کی کلید سے دستخط ہوتے ہیں اور اس کا اندراج ہوتا ہے؛ پھر طالب علم اسے PDF اور JSON فائل کی صورت میں لے جا سکتا ہے۔</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>طالب علم</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>کامیابی کی تاریخ</translation>
    </message>
    <message>
        <source>Enrolments to issue</source>
        <translation>جاری کرنے کے لیے داخلے</translation>
    </message>
    <message>
        <source>Reading the passed enrolments…</source>
        <translation>کامیاب داخلے پڑھے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>سب پر نشان لگائیں (&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>سب سے نشان ہٹائیں (&amp;N)</translation>
    </message>
    <message>
        <source>Campus key &amp;passphrase</source>
        <translation>کیمپس کی کلید کا پاس فریز (&amp;P)</translation>
    </message>
    <message>
        <source>Demonstration campus: its key&apos;s passphrase is {passphrase}.</source>
        <translation>نمونے کا کیمپس: اس کی کلید کا پاس فریز {passphrase} ہے۔</translation>
    </message>
    <message>
        <source>Credentials issued</source>
        <translation>جاری کردہ اسناد</translation>
    </message>
    <message>
        <source>Each can now be saved as a PDF and a JSON file for the learner, or shared, from the Credentials screen.</source>
        <translation>اب ہر سند طالب علم کے لیے PDF اور JSON فائل کی صورت میں محفوظ کی جا سکتی ہے، یا «اسناد» کی اسکرین سے شیئر کی جا سکتی ہے۔</translation>
    </message>
    <message>
        <source>You stopped the batch: the credentials issued before that are kept, and the rest still wait for their credential.</source>
        <translation>آپ نے اجرا روک دیا: اس سے پہلے جاری ہونے والی اسناد برقرار ہیں، اور باقی داخلے اب بھی اپنی سند کے منتظر ہیں۔</translation>
    </message>
    <message>
        <source>Not issued:</source>
        <translation>جاری نہیں ہوئیں:</translation>
    </message>
    <message>
        <source>Enrolments not issued, and why</source>
        <translation>وہ داخلے جن کی سند جاری نہیں ہوئی، اور وجہ</translation>
    </message>
    <message>
        <source>Pathway credentials earned</source>
        <translation>حاصل کردہ راستوں کی اسناد</translation>
    </message>
    <message>
        <source>With these credentials, these learners hold every micro-credential a pathway asks for. Their pathway credentials are signed with the same campus key.</source>
        <translation>ان اسناد کے بعد یہ طلبہ کسی راستے کی مطلوبہ تمام مائیکرو اسناد رکھتے ہیں۔ ان کے راستے کی اسناد پر اسی کیمپس کلید سے دستخط ہوں گے۔</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>راستہ</translation>
    </message>
    <message>
        <source>Issue pathway &amp;credentials</source>
        <translation>راستے کی اسناد جاری کریں (&amp;C)</translation>
    </message>
    <message>
        <source>No passed enrolment waits for its credential.</source>
        <translation>کوئی کامیاب داخلہ اپنی سند کا منتظر نہیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} chosen</source>
        <translation>
            <numerusform>{total} میں سے %Ln چنا گیا</numerusform>
            <numerusform>{total} میں سے %Ln چنے گئے</numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one enrolment to issue.</source>
        <translation>جاری کرنے کے لیے کم از کم ایک داخلے پر نشان لگائیں۔</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s) issued.</source>
        <translation>
            <numerusform>%Ln سند جاری ہوئی۔</numerusform>
            <numerusform>%Ln اسناد جاری ہوئیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing the pathway credentials…</source>
        <translation>راستے کی اسناد پر دستخط ہو رہے ہیں…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pathway credential(s) issued.</source>
        <translation>
            <numerusform>راستے کی %Ln سند جاری ہوئی۔</numerusform>
            <numerusform>راستے کی %Ln اسناد جاری ہوئیں۔</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join head office</source>
        <translation>ہیڈ آفس سے جڑیں</translation>
    </message>
    <message>
        <source>Head office gives each campus its registry&apos;s address and a one-time code. Once joined, this computer sends the campus&apos;s records to head office and receives the national catalogue.</source>
        <translation>ہیڈ آفس ہر کیمپس کو اپنی رجسٹری کا پتا اور ایک بار کا کوڈ دیتا ہے۔ جڑنے کے بعد یہ کمپیوٹر کیمپس کا ریکارڈ ہیڈ آفس کو بھیجتا ہے اور قومی فہرست وصول کرتا ہے۔</translation>
    </message>
    <message>
        <source>Registry address</source>
        <translation>رجسٹری کا پتا</translation>
    </message>
    <message>
        <source>Registry &amp;address</source>
        <translation>رجسٹری کا پتا (&amp;A)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>ایک بار کا کوڈ</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>ایک بار کا کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>جڑیں (&amp;J)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Type the registry&apos;s address and the code head office gave you.</source>
        <translation>رجسٹری کا پتا اور وہ کوڈ لکھیں جو ہیڈ آفس نے آپ کو دیا۔</translation>
    </message>
</context>
<context>
    <name>LearnerForm</name>
    <message>
        <source>New learner</source>
        <translation>نیا طالب علم</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} میں ترمیم</translation>
    </message>
    <message>
        <source>&amp;Registration number</source>
        <translation>رجسٹریشن نمبر (&amp;R)</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>پورا نام (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Guardian (father or mother)</source>
        <translation>سرپرست، والد یا والدہ (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;CNIC (12345-1234567-1)</source>
        <translation>شناختی کارڈ نمبر، ⁦12345-1234567-1⁩ (&amp;C)</translation>
    </message>
    <message>
        <source>G&amp;ender</source>
        <translation>جنس (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Date of birth (YYYY-MM-DD)</source>
        <translation>تاریخ پیدائش، ⁦YYYY-MM-DD⁩ (&amp;D)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>ای میل (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone (0300-1234567)</source>
        <translation>فون، ⁦0300-1234567⁩ (&amp;P)</translation>
    </message>
    <message>
        <source>Programme of stud&amp;y</source>
        <translation>تعلیمی پروگرام (&amp;Y)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>خاتون</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>محفوظ کریں (&amp;S)</translation>
    </message>
</context>
<context>
    <name>LearnerImportWizard</name>
    <message>
        <source>Import learners from a CSV file</source>
        <translation>CSV فائل سے طلبہ درآمد کریں</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>اگلا (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>پچھلا (&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>مکمل (&amp;D)</translation>
    </message>
</context>
<context>
    <name>LearnerTableModel</name>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>پروگرام</translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message>
        <source>A&amp;dd a learner…</source>
        <translation>طالب علم شامل کریں… (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ترمیم… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>CSV سے درآمد… (&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport to CSV…</source>
        <translation>CSV میں برآمد (&amp;X)…</translation>
    </message>
    <message>
        <source>Save the learners shown (all, or those matching the search) as a CSV file</source>
        <translation>دکھائے گئے طلبہ (سب، یا تلاش سے ملنے والے) CSV فائل میں محفوظ کریں</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>برآمد کی پیش رفت</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <source>Search by name, registration number, CNIC or phone</source>
        <translation>نام، رجسٹریشن نمبر، شناختی کارڈ یا فون نمبر سے تلاش کریں</translation>
    </message>
    <message>
        <source>Search learners</source>
        <translation>طلبہ تلاش کریں</translation>
    </message>
    <message>
        <source>Loading learners…</source>
        <translation>طلبہ کی فہرست آ رہی ہے…</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Registration no</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Guardian name</source>
        <translation>ولدیت</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاریخ پیدائش</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ای میل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>فون نمبر</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>پروگرام</translation>
    </message>
    <message>
        <source>Export learners to CSV</source>
        <translation>طلبہ کو CSV میں برآمد کریں</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV فائلیں (*.csv)</translation>
    </message>
    <message>
        <source>Exporting learners…</source>
        <translation>طلبہ برآمد ہو رہے ہیں…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) exported to {file}</source>
        <translation>
            <numerusform>%Ln طالب علم {file} میں برآمد ہوا</numerusform>
            <numerusform>%Ln طلبہ {file} میں برآمد ہوئے</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped; no file was written.</source>
        <translation>برآمد روک دی گئی؛ کوئی فائل نہیں لکھی گئی۔</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}). Check the drive has space and is not read-only, or choose another folder.</source>
        <translation>{file} نہیں لکھی جا سکی ({reason})۔ دیکھیں کہ ڈرائیو میں جگہ ہے اور وہ صرف پڑھنے کے لیے نہیں، یا کوئی اور فولڈر چنیں۔</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>تلاش نہیں ہو سکی۔</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s)</source>
        <translation>
            <numerusform>%Ln طالب علم</numerusform>
            <numerusform>%Ln طلبہ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) match “{text}”</source>
        <translation>
            <numerusform>“{text}” سے %Ln طالب علم ملا</numerusform>
            <numerusform>“{text}” سے %Ln طلبہ ملے</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkBox</name>
    <message>
        <source>Changes refused in the last sync</source>
        <translation>پچھلی ہم آہنگی میں رد کی گئی تبدیلیاں</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>ہیڈ آفس</translation>
    </message>
    <message>
        <source>The campus hub</source>
        <translation>کیمپس ہب</translation>
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation>آخری ہم آہنگی {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>ابھی ہم آہنگی نہیں ہوئی</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent. Sent {sent}, received {received} since joining.</source>
        <translation>
            <numerusform>%n تبدیلی بھیجے جانے کی منتظر۔ جڑنے کے بعد سے {sent} بھیجا، {received} وصول کیا۔</numerusform>
            <numerusform>%n تبدیلیاں بھیجے جانے کی منتظر۔ جڑنے کے بعد سے {sent} بھیجا، {received} وصول کیا۔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by head office in the last sync:</source>
        <translation>
            <numerusform>پچھلی ہم آہنگی میں ہیڈ آفس نے %n تبدیلی رد کی:</numerusform>
            <numerusform>پچھلی ہم آہنگی میں ہیڈ آفس نے %n تبدیلیاں رد کیں:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the campus hub in the last sync:</source>
        <translation>
            <numerusform>پچھلی ہم آہنگی میں کیمپس ہب نے %n تبدیلی رد کی:</numerusform>
            <numerusform>پچھلی ہم آہنگی میں کیمپس ہب نے %n تبدیلیاں رد کیں:</numerusform>
        </translation>
    </message>
    <message>
        <source>{table} {row}: {reason}</source>
        <translation>{table} {row}: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sanad</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>اسکرینیں</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>نصاب</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>اکاؤنٹ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>اوزار (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>ترتیبات… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>ابھی بیک اپ بنائیں (&amp;B)</translation>
    </message>
    <message>
        <source>Signing &amp;keys…</source>
        <translation>دستخطی کلیدیں… (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>صارف تبدیل کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>پاس ورڈ تبدیل کریں… (&amp;C)</translation>
    </message>
    <message>
        <source>Sanad — demo campus — signed in automatically as {name}</source>
        <translation>سند — نمونے کا کیمپس — خودکار طور پر {name} کے نام سے سائن اِن</translation>
    </message>
    <message>
        <source>Sanad — {name}</source>
        <translation>سند — {name}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>ڈیٹا بیس: {path}</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>سائن اِن: {name}</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>صارف تبدیل کریں</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>داخلے</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>اسناد</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>تصدیق</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>ہم آہنگی</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>بیک اپ بن رہا ہے…</translation>
    </message>
    <message>
        <source>Locked after a while without use.</source>
        <translation>کچھ دیر استعمال نہ ہونے پر بند کر دیا گیا۔</translation>
    </message>
    <message>
        <source>Locked after a while without use: sign in to go on</source>
        <translation>کچھ دیر استعمال نہ ہونے پر بند کر دیا گیا: جاری رکھنے کے لیے سائن اِن کریں</translation>
    </message>
</context>
<context>
    <name>MarkingDialog</name>
    <message>
        <source>Marking</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>Loading the submission…</source>
        <translation>جمع شدہ کام آ رہا ہے…</translation>
    </message>
    <message>
        <source>Evidence of this attempt</source>
        <translation>اس کوشش کے شواہد</translation>
    </message>
    <message>
        <source>The evidence&apos;s text</source>
        <translation>شواہد کا متن</translation>
    </message>
    <message>
        <source>Open with this computer&apos;s viewer</source>
        <translation>اس کمپیوٹر کے ویور میں کھولیں</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>روبرک</translation>
    </message>
    <message>
        <source>Written &amp;feedback for the learner</source>
        <translation>طالب علم کے لیے تحریری رائے (&amp;F)</translation>
    </message>
    <message>
        <source>Written feedback for the learner</source>
        <translation>طالب علم کے لیے تحریری رائے</translation>
    </message>
    <message>
        <source>&amp;Blind second marking (quality assurance: decides nothing by itself)</source>
        <translation>دوسری آزادانہ جانچ (معیار کی یقین دہانی: اکیلے کوئی فیصلہ نہیں کرتی) (&amp;B)</translation>
    </message>
    <message>
        <source>The marking that stands</source>
        <translation>جو جانچ برقرار رہے</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>طے کریں (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save the marking</source>
        <translation>جانچ محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>{name} ({number}) — {code} {title}, cohort {cohort}, attempt {attempt}</source>
        <translation>{name} ({number}) — {code} {title}، بیچ {cohort}، کوشش {attempt}</translation>
    </message>
    <message>
        <source>Written reflection</source>
        <translation>تحریری جائزہ</translation>
    </message>
    <message>
        <source>Attempt {n}: {decision} — {feedback} ({marker})</source>
        <translation>کوشش {n}: {decision} — {feedback} ({marker})</translation>
    </message>
    <message>
        <source>This attempt is no longer waiting to be marked.</source>
        <translation>یہ کوشش اب جانچ کی منتظر نہیں۔</translation>
    </message>
    <message>
        <source>You have marked this attempt.</source>
        <translation>آپ اس کوشش کی جانچ کر چکے ہیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) still to score</source>
        <translation>
            <numerusform>ابھی %n معیار کو نمبر دینا باقی ہے</numerusform>
            <numerusform>ابھی %n معیاروں کو نمبر دینا باقی ہے</numerusform>
        </translation>
    </message>
    <message>
        <source>Total {total}: meets the pass rule</source>
        <translation>کل {total}: کامیابی کا اصول پورا ہوتا ہے</translation>
    </message>
    <message>
        <source>Total {total}: does not meet the pass rule</source>
        <translation>کل {total}: کامیابی کا اصول پورا نہیں ہوتا</translation>
    </message>
    <message>
        <source>blind second marking</source>
        <translation>دوسری آزادانہ جانچ</translation>
    </message>
    <message>
        <source>deciding</source>
        <translation>فیصلہ کن</translation>
    </message>
    <message>
        <source>{marker} ({kind}): {decision}, total {total} — {feedback}</source>
        <translation>{marker} ({kind}): {decision}، کل {total} — {feedback}</translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation>لنک براؤزر میں کھولیں</translation>
    </message>
    <message>
        <source>{name}: this kind of file opens in the computer&apos;s own viewer.</source>
        <translation>{name}: اس قسم کی فائل کمپیوٹر کے اپنے ویور میں کھلتی ہے۔</translation>
    </message>
</context>
<context>
    <name>MarkingPage</name>
    <message>
        <source>Registration no.</source>
        <translation>رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>مائیکرو سند</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>کوشش</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>انتظار</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n دن</numerusform>
            <numerusform>%n دن</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>&amp;Submissions</source>
        <translation>جمع شدہ کام (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Backlog and assessors</source>
        <translation>زیرِ التوا کام اور جانچنے والے (&amp;B)</translation>
    </message>
    <message>
        <source>Every micro-credential</source>
        <translation>ہر مائیکرو سند</translation>
    </message>
    <message>
        <source>&amp;Micro-credential</source>
        <translation>مائیکرو سند (&amp;M)</translation>
    </message>
    <message>
        <source>Waiting at least, in days</source>
        <translation>کم از کم انتظار، دنوں میں</translation>
    </message>
    <message>
        <source> days</source>
        <translation> دن</translation>
    </message>
    <message>
        <source>Waiting at &amp;least</source>
        <translation>کم از کم انتظار (&amp;L)</translation>
    </message>
    <message>
        <source>Every cohort</source>
        <translation>ہر بیچ</translation>
    </message>
    <message>
        <source>Co&amp;hort</source>
        <translation>بیچ (&amp;H)</translation>
    </message>
    <message>
        <source>Loading the submissions…</source>
        <translation>جمع شدہ کام آ رہے ہیں…</translation>
    </message>
    <message>
        <source>Submissions to mark</source>
        <translation>جانچ کے منتظر کام</translation>
    </message>
    <message>
        <source>&amp;Open the submission…</source>
        <translation>جمع شدہ کام کھولیں… (&amp;O)</translation>
    </message>
    <message>
        <source>Markings disagree: the focal person resolves</source>
        <translation>جانچوں میں اختلاف: فوکل پرسن طے کرے گا</translation>
    </message>
    <message>
        <source>You marked it; waiting for the deciding marking</source>
        <translation>آپ نے جانچ کر لی؛ فیصلہ کن جانچ کا انتظار</translation>
    </message>
    <message numerus="yes">
        <source>To mark (%n second marking(s) done)</source>
        <translation>
            <numerusform>جانچ باقی (%n دوسری جانچ ہو چکی)</numerusform>
            <numerusform>جانچ باقی (%n دوسری جانچیں ہو چکیں)</numerusform>
        </translation>
    </message>
    <message>
        <source>To mark</source>
        <translation>جانچ باقی</translation>
    </message>
    <message numerus="yes">
        <source>%n submission(s) waiting</source>
        <translation>
            <numerusform>%n کام منتظر</numerusform>
            <numerusform>%n کام منتظر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MicroCredentialEditor</name>
    <message>
        <source>New micro-credential</source>
        <translation>نئی مائیکرو سند</translation>
    </message>
    <message>
        <source>Edit {code} edition {edition}</source>
        <translation>{code} ایڈیشن {edition} میں ترمیم</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>مسودہ محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>Title in &amp;English</source>
        <translation>انگریزی میں عنوان (&amp;E)</translation>
    </message>
    <message>
        <source>Title in &amp;Urdu</source>
        <translation>اردو میں عنوان (&amp;U)</translation>
    </message>
    <message>
        <source>Description in English</source>
        <translation>انگریزی میں تفصیل</translation>
    </message>
    <message>
        <source>Description in Urdu</source>
        <translation>اردو میں تفصیل</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>شعبہ (&amp;T)</translation>
    </message>
    <message>
        <source>PNQF &amp;level</source>
        <translation>PNQF سطح (&amp;L)</translation>
    </message>
    <message>
        <source>Notional &amp;hours</source>
        <translation>تخمینی گھنٹے (&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;redit hours</source>
        <translation>کریڈٹ آورز (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Valid for (months)</source>
        <translation>مدتِ اعتبار، مہینے (&amp;V)</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>بلا اختتام</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
    <message>
        <source>English</source>
        <translation>انگریزی</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>اردو</translation>
    </message>
    <message>
        <source>Add a competency</source>
        <translation>مہارت شامل کریں</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ہٹائیں</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>مہارتیں</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>لنک</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>تحریری جائزہ</translation>
    </message>
    <message>
        <source>Add a requirement</source>
        <translation>شرط شامل کریں</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>شواہد</translation>
    </message>
    <message>
        <source>Levels, lowest first, with their points</source>
        <translation>سطحیں، سب سے کم پہلے، ان کے نمبروں کے ساتھ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>Add a level</source>
        <translation>سطح شامل کریں</translation>
    </message>
    <message>
        <source>Remove the level</source>
        <translation>سطح ہٹائیں</translation>
    </message>
    <message>
        <source>Criteria: what each level looks like for each criterion</source>
        <translation>معیارات: ہر معیار کے لیے ہر سطح کیسی دکھتی ہے</translation>
    </message>
    <message>
        <source>Descriptors in English</source>
        <translation>وضاحتیں انگریزی میں</translation>
    </message>
    <message>
        <source>Descriptors in Urdu</source>
        <translation>وضاحتیں اردو میں</translation>
    </message>
    <message>
        <source>Language of the descriptors shown</source>
        <translation>دکھائی گئی وضاحتوں کی زبان</translation>
    </message>
    <message>
        <source>Add a criterion</source>
        <translation>معیار شامل کریں</translation>
    </message>
    <message>
        <source>no rule</source>
        <translation>کوئی شرط نہیں</translation>
    </message>
    <message>
        <source>Points every criterion needs</source>
        <translation>ہر معیار کے لازمی نمبر</translation>
    </message>
    <message>
        <source>Total points needed</source>
        <translation>لازمی کل نمبر</translation>
    </message>
    <message>
        <source>To pass, every criterion needs at least</source>
        <translation>کامیابی کے لیے ہر معیار میں کم از کم</translation>
    </message>
    <message>
        <source>and the total must be at least</source>
        <translation>اور کل نمبر کم از کم</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>روبرک</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>سطح {n}</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <source>Criterion (Urdu)</source>
        <translation>معیار (اردو)</translation>
    </message>
</context>
<context>
    <name>MicroCredentialsPanel</name>
    <message>
        <source>Search by code or title</source>
        <translation>کوڈ یا عنوان سے تلاش کریں</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>نصاب میں تلاش کریں</translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation>مائیکرو اسناد</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>نیا… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ترمیم… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>شائع کریں (&amp;P)</translation>
    </message>
    <message>
        <source>New e&amp;dition</source>
        <translation>نیا ایڈیشن (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>ریٹائر کریں (&amp;R)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>ایڈیشن</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>شعبہ</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>کریڈٹ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>دائرہ</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>شائع کریں</translation>
    </message>
    <message>
        <source>Publish {code} edition {edition}? Cohorts can then offer it, and it can no longer change; a later change is a new edition.</source>
        <translation>{code} کا ایڈیشن {edition} شائع کریں؟ اس کے بعد بیچ اسے پیش کر سکیں گے اور اس میں تبدیلی نہیں ہو سکے گی؛ بعد کی تبدیلی نیا ایڈیشن ہوگی۔</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>ریٹائر کریں</translation>
    </message>
    <message>
        <source>Retire {code}? No new cohort can offer it.</source>
        <translation>{code} ریٹائر کریں؟ کوئی نیا بیچ اسے پیش نہیں کر سکے گا۔</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Make the root key</source>
        <translation>روٹ کلید بنائیں</translation>
    </message>
    <message>
        <source>The national root key certifies the key of every campus. It is made once, on this computer, and kept sealed with a passphrase.</source>
        <translation>قومی روٹ کلید ہر کیمپس کی کلید کی تصدیق کرتی ہے۔ یہ ایک بار، اسی کمپیوٹر پر بنتی ہے، اور پاس فریز سے مہر بند رکھی جاتی ہے۔</translation>
    </message>
    <message>
        <source>Make a campus key and request</source>
        <translation>کیمپس کلید اور درخواست بنائیں</translation>
    </message>
    <message>
        <source>This campus&apos;s issuer key will sign its credentials once head office has certified it. It is kept sealed with a passphrase. Then you save a request file, to send to head office on a USB drive or by e-mail.</source>
        <translation>ہیڈ آفس کی تصدیق کے بعد اس کیمپس کی اجرا کلید اس کی اسناد پر دستخط کرے گی۔ یہ پاس فریز سے مہر بند رکھی جاتی ہے۔ پھر آپ درخواست کی فائل محفوظ کریں گے، جو یو ایس بی ڈرائیو یا ای میل کے ذریعے ہیڈ آفس بھیجنی ہے۔</translation>
    </message>
    <message>
        <source>At least {minimum} characters. Four or five unrelated words are easy to remember and hard to guess. Nobody can recover a forgotten passphrase: keep it safe.</source>
        <translation>کم از کم {minimum} حروف۔ چار پانچ غیر متعلق الفاظ یاد رکھنے میں آسان اور اندازہ لگانے میں مشکل ہوتے ہیں۔ بھولا ہوا پاس فریز کوئی واپس نہیں لا سکتا: اسے محفوظ رکھیں۔</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>پاس فریز (&amp;P)</translation>
    </message>
    <message>
        <source>Passphrase &amp;again</source>
        <translation>پاس فریز دوبارہ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Make the key</source>
        <translation>کلید بنائیں (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Make the key and request…</source>
        <translation>کلید اور درخواست بنائیں… (&amp;M)</translation>
    </message>
    <message>
        <source>The campus key is made, but its request is not saved yet: head office needs it to certify the key.</source>
        <translation>کیمپس کلید بن گئی ہے، لیکن اس کی درخواست ابھی محفوظ نہیں ہوئی: کلید کی تصدیق کے لیے ہیڈ آفس کو اس کی ضرورت ہے۔</translation>
    </message>
    <message>
        <source>is not the same passphrase</source>
        <translation>وہی پاس فریز نہیں</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>اسے دوبارہ لکھیں</translation>
    </message>
    <message>
        <source>Making and sealing the key…</source>
        <translation>کلید بنائی اور مہر بند کی جا رہی ہے…</translation>
    </message>
    <message>
        <source>&amp;Save the request…</source>
        <translation>درخواست محفوظ کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>Save the request for head office</source>
        <translation>ہیڈ آفس کے لیے درخواست محفوظ کریں</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Reading the database…</source>
        <translation>ڈیٹا بیس پڑھا جا رہا ہے…</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>کیمپس</translation>
    </message>
    <message>
        <source>Demo campus: the people and records here are invented.</source>
        <translation>نمونے کا کیمپس: یہاں کے افراد اور ریکارڈ فرضی ہیں۔</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation>مائیکرو اسناد</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>بیچ</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>داخلے</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>Credentials issued</source>
        <translation>جاری کردہ اسناد</translation>
    </message>
    <message>
        <source>Enrolments per learning track</source>
        <translation>ہر شعبے میں داخلے</translation>
    </message>
    <message>
        <source>How far learners came in recent cohorts</source>
        <translation>حالیہ بیچوں میں طلبہ کی پیش رفت</translation>
    </message>
    <message>
        <source>This database has no campus yet.</source>
        <translation>اس ڈیٹا بیس میں ابھی کوئی کیمپس نہیں۔</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>داخل</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>شروع کیا</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>جمع کرایا</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>Could not read the database: {error}</source>
        <translation>ڈیٹا بیس پڑھا نہیں جا سکا: {error}</translation>
    </message>
</context>
<context>
    <name>PathwayEditor</name>
    <message>
        <source>New pathway</source>
        <translation>نیا راستہ</translation>
    </message>
    <message>
        <source>Edit pathway {code}</source>
        <translation>راستہ {code} میں ترمیم</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>Title in &amp;English</source>
        <translation>انگریزی میں عنوان (&amp;E)</translation>
    </message>
    <message>
        <source>Title in &amp;Urdu</source>
        <translation>اردو میں عنوان (&amp;U)</translation>
    </message>
    <message>
        <source>Earned &amp;by</source>
        <translation>کیسے ملے گا (&amp;B)</translation>
    </message>
    <message>
        <source>passing all of them</source>
        <translation>سب پاس کرنے پر</translation>
    </message>
    <message>
        <source>passing a number of them</source>
        <translation>ان میں سے کچھ پاس کرنے پر</translation>
    </message>
    <message>
        <source>&amp;How many</source>
        <translation>کتنے (&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;redit awarded</source>
        <translation>ملنے والے کریڈٹ (&amp;R)</translation>
    </message>
    <message>
        <source>Filter by code or title</source>
        <translation>کوڈ یا عنوان سے چھانیں</translation>
    </message>
    <message>
        <source>Filter micro-credentials</source>
        <translation>مائیکرو اسناد چھانیں</translation>
    </message>
    <message>
        <source>&amp;Micro-credentials</source>
        <translation>مائیکرو اسناد (&amp;M)</translation>
    </message>
    <message>
        <source>Micro-credentials in the pathway</source>
        <translation>راستے میں شامل مائیکرو اسناد</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>مسودہ محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>(no published edition yet)</source>
        <translation>(ابھی کوئی شائع شدہ ایڈیشن نہیں)</translation>
    </message>
    <message numerus="yes">
        <source>%n micro-credential(s) chosen</source>
        <translation>
            <numerusform>%n مائیکرو سند چنی گئی</numerusform>
            <numerusform>%n مائیکرو اسناد چنی گئیں</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PathwaysPanel</name>
    <message>
        <source>Search by code, title or micro-credential</source>
        <translation>کوڈ، عنوان یا مائیکرو سند سے تلاش کریں</translation>
    </message>
    <message>
        <source>Search the pathways</source>
        <translation>راستوں میں تلاش کریں</translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation>راستے</translation>
    </message>
    <message>
        <source>&amp;New pathway…</source>
        <translation>نیا راستہ… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ترمیم… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>شائع کریں (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>ریٹائر کریں (&amp;R)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Earned by</source>
        <translation>کیسے ملتا ہے</translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation>مائیکرو اسناد</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>کریڈٹ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>دائرہ</translation>
    </message>
    <message numerus="yes">
        <source>all %n</source>
        <translation>
            <numerusform>تمام %n</numerusform>
            <numerusform>تمام %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>any {count} of %n</source>
        <translation>
            <numerusform>%n میں سے کوئی {count}</numerusform>
            <numerusform>%n میں سے کوئی {count}</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>شائع کریں</translation>
    </message>
    <message>
        <source>Publish the pathway {code}? Learners can then follow it, and it can no longer change.</source>
        <translation>راستہ {code} شائع کریں؟ اس کے بعد طلبہ اس پر چل سکیں گے اور اس میں تبدیلی نہیں ہو سکے گی۔</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>ریٹائر کریں</translation>
    </message>
    <message>
        <source>Retire the pathway {code}? Nobody new can follow it; what learners have earned toward it stands.</source>
        <translation>راستہ {code} ریٹائر کریں؟ کوئی نیا اس پر نہیں چل سکے گا؛ طلبہ نے اس کی طرف جو حاصل کیا ہے وہ برقرار رہے گا۔</translation>
    </message>
</context>
<context>
    <name>Phrase</name>
    <message>
        <source>add evidence</source>
        <translation>شواہد شامل کرنے</translation>
    </message>
    <message>
        <source>add evidence to this enrolment</source>
        <translation>اس داخلے میں شواہد شامل کرنے</translation>
    </message>
    <message>
        <source>add learning tracks</source>
        <translation>تعلیمی شعبے شامل کرنے</translation>
    </message>
    <message>
        <source>add micro-credentials</source>
        <translation>مائیکرو اسناد شامل کرنے</translation>
    </message>
    <message>
        <source>add pathways</source>
        <translation>راستے شامل کرنے</translation>
    </message>
    <message>
        <source>assess evidence</source>
        <translation>شواہد کی جانچ</translation>
    </message>
    <message>
        <source>assess this enrolment</source>
        <translation>اس داخلے کی جانچ</translation>
    </message>
    <message>
        <source>assign assessors</source>
        <translation>جانچ کار مقرر کرنے</translation>
    </message>
    <message>
        <source>certify campus keys</source>
        <translation>کیمپس کی کلیدوں کی تصدیق کرنے</translation>
    </message>
    <message>
        <source>change enrolment status</source>
        <translation>داخلے کی حیثیت تبدیل کرنے</translation>
    </message>
    <message>
        <source>change roles</source>
        <translation>کردار تبدیل کرنے</translation>
    </message>
    <message>
        <source>change the evidence size limit</source>
        <translation>شواہد کی فائل کی حد بدلنا</translation>
    </message>
    <message>
        <source>change the registry address</source>
        <translation>رجسٹری کا پتا تبدیل کرنے</translation>
    </message>
    <message>
        <source>change this enrolment</source>
        <translation>اس داخلے میں تبدیلی</translation>
    </message>
    <message>
        <source>close cohorts</source>
        <translation>بیچ بند کرنے</translation>
    </message>
    <message>
        <source>create cohorts</source>
        <translation>بیچ بنانے</translation>
    </message>
    <message>
        <source>create user accounts</source>
        <translation>صارف اکاؤنٹ بنانے</translation>
    </message>
    <message>
        <source>deactivate accounts</source>
        <translation>اکاؤنٹ غیر فعال کرنے</translation>
    </message>
    <message>
        <source>edit cohorts</source>
        <translation>بیچوں میں ترمیم</translation>
    </message>
    <message>
        <source>edit learners</source>
        <translation>طلبہ کے کوائف میں ترمیم</translation>
    </message>
    <message>
        <source>edit pathways</source>
        <translation>راستوں میں ترمیم کرنے</translation>
    </message>
    <message>
        <source>edit this learner</source>
        <translation>اس طالب علم کے کوائف میں ترمیم</translation>
    </message>
    <message>
        <source>edit this micro-credential</source>
        <translation>اس مائیکرو سند میں ترمیم</translation>
    </message>
    <message>
        <source>enrol learners</source>
        <translation>طلبہ داخل کرنے</translation>
    </message>
    <message>
        <source>enrol learners in this cohort</source>
        <translation>اس بیچ میں طلبہ داخل کرنے</translation>
    </message>
    <message>
        <source>export learners</source>
        <translation>طلبہ کو برآمد کرنے</translation>
    </message>
    <message>
        <source>import learners</source>
        <translation>طلبہ درآمد کرنے</translation>
    </message>
    <message>
        <source>install key certificates</source>
        <translation>کلید کے سرٹیفکیٹ انسٹال کرنے</translation>
    </message>
    <message>
        <source>install trust lists</source>
        <translation>فہرستِ اعتماد انسٹال کرنے</translation>
    </message>
    <message>
        <source>issue credentials</source>
        <translation>اسناد جاری کرنے</translation>
    </message>
    <message>
        <source>issue credentials for it</source>
        <translation>اس کے لیے اسناد جاری کرنے</translation>
    </message>
    <message>
        <source>make codes for lab stations</source>
        <translation>لیب اسٹیشنوں کے لیے کوڈ بنانا</translation>
    </message>
    <message>
        <source>make signing keys</source>
        <translation>دستخطی کلیدیں بنانے</translation>
    </message>
    <message>
        <source>publish micro-credentials</source>
        <translation>مائیکرو اسناد شائع کرنے</translation>
    </message>
    <message>
        <source>publish pathways</source>
        <translation>راستے شائع کرنے</translation>
    </message>
    <message>
        <source>register learners</source>
        <translation>طلبہ رجسٹر کرنے</translation>
    </message>
    <message>
        <source>reinstate credentials</source>
        <translation>اسناد بحال کرنے</translation>
    </message>
    <message>
        <source>reinstate this credential</source>
        <translation>یہ سند بحال کرنے</translation>
    </message>
    <message>
        <source>remove assessors</source>
        <translation>جانچ کار ہٹانے</translation>
    </message>
    <message>
        <source>remove learners</source>
        <translation>طلبہ کو ہٹانے</translation>
    </message>
    <message>
        <source>remove this learner</source>
        <translation>اس طالب علم کو ہٹانے</translation>
    </message>
    <message>
        <source>reopen cohorts</source>
        <translation>بیچ دوبارہ کھولنے</translation>
    </message>
    <message>
        <source>resolve a disagreement between markers</source>
        <translation>جانچنے والوں کا اختلاف طے کرنا</translation>
    </message>
    <message>
        <source>resolve this enrolment</source>
        <translation>اس داخلے کا فیصلہ کرنا</translation>
    </message>
    <message>
        <source>restore backups</source>
        <translation>بیک اپ بحال کرنے</translation>
    </message>
    <message>
        <source>retire micro-credentials</source>
        <translation>مائیکرو اسناد ریٹائر کرنے</translation>
    </message>
    <message>
        <source>retire pathways</source>
        <translation>راستے ریٹائر کرنے</translation>
    </message>
    <message>
        <source>revoke campus keys</source>
        <translation>کیمپس کی کلیدیں منسوخ کرنے</translation>
    </message>
    <message>
        <source>revoke credentials</source>
        <translation>اسناد منسوخ کرنے</translation>
    </message>
    <message>
        <source>revoke lab stations</source>
        <translation>لیب اسٹیشن منسوخ کرنا</translation>
    </message>
    <message>
        <source>revoke this credential</source>
        <translation>یہ سند منسوخ کرنے</translation>
    </message>
    <message>
        <source>see a student&apos;s own enrolments</source>
        <translation>طالب علم کے اپنے داخلے دیکھنا</translation>
    </message>
    <message>
        <source>see this enrolment</source>
        <translation>یہ داخلہ دیکھنا</translation>
    </message>
    <message>
        <source>sign the trust list</source>
        <translation>فہرستِ اعتماد پر دستخط کرنے</translation>
    </message>
    <message>
        <source>start new editions</source>
        <translation>نئے ایڈیشن شروع کرنے</translation>
    </message>
    <message>
        <source>suspend credentials</source>
        <translation>اسناد معطل کرنے</translation>
    </message>
    <message>
        <source>suspend this credential</source>
        <translation>یہ سند معطل کرنے</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>A revocation is final; issue a replacement that supersedes it if one is due</source>
        <translation>منسوخی حتمی ہے؛ اگر ضرورت ہو تو اس کی جگہ متبادل سند جاری کریں</translation>
    </message>
    <message>
        <source>A stack needs at least two</source>
        <translation>ایک مجموعے میں کم از کم دو مائیکرو اسناد ہونی چاہییں</translation>
    </message>
    <message>
        <source>Add at least one criterion</source>
        <translation>کم از کم ایک معیار شامل کریں</translation>
    </message>
    <message>
        <source>Add evidence for every requirement, then submit</source>
        <translation>ہر شرط کے لیے شواہد شامل کریں، پھر جمع کرائیں</translation>
    </message>
    <message>
        <source>Add items one by one</source>
        <translation>اندراجات ایک ایک کر کے شامل کریں</translation>
    </message>
    <message>
        <source>Add levels such as Beginning, Developing, Proficient</source>
        <translation>ابتدائی، ترقی پذیر، ماہر جیسی سطحیں شامل کریں</translation>
    </message>
    <message>
        <source>Another assessor gives the second marking</source>
        <translation>دوسری جانچ کوئی اور جانچنے والا کرتا ہے</translation>
    </message>
    <message>
        <source>Ask an admin to do it, or sign in with such an account</source>
        <translation>یہ کام کسی منتظم سے کروائیں، یا ایسے اکاؤنٹ سے سائن اِن کریں</translation>
    </message>
    <message>
        <source>Ask another admin to change your role</source>
        <translation>اپنا کردار تبدیل کروانے کے لیے کسی دوسرے منتظم سے کہیں</translation>
    </message>
    <message>
        <source>Ask another admin to deactivate it</source>
        <translation>اسے غیر فعال کروانے کے لیے کسی دوسرے منتظم سے کہیں</translation>
    </message>
    <message>
        <source>Ask for a resubmission with feedback, or revise the scores</source>
        <translation>رائے کے ساتھ دوبارہ جمع کرانے کی ہدایت دیں، یا نمبروں پر نظرِ ثانی کریں</translation>
    </message>
    <message>
        <source>Ask head office for a second status list for this campus</source>
        <translation>اس کیمپس کے لیے ہیڈ آفس سے دوسری حیثیت فہرست مانگیں</translation>
    </message>
    <message>
        <source>Ask head office for the trust list file again</source>
        <translation>ہیڈ آفس سے فہرستِ اعتماد کی فائل دوبارہ مانگیں</translation>
    </message>
    <message>
        <source>Ask head office to certify a new campus key (Tools → Signing keys)</source>
        <translation>ہیڈ آفس سے کیمپس کی نئی کلید کی تصدیق کروائیں (ٹولز ← دستخطی کلیدیں)</translation>
    </message>
    <message>
        <source>Ask someone whose role is {roles} to do it, or sign in with such an account</source>
        <translation>یہ کام کسی ایسے فرد سے کروائیں جس کا کردار {roles} ہو، یا ایسے اکاؤنٹ سے سائن اِن کریں</translation>
    </message>
    <message>
        <source>Ask the campus focal person to reactivate it</source>
        <translation>اسے دوبارہ فعال کروانے کے لیے کیمپس کے فوکل پرسن سے رابطہ کریں</translation>
    </message>
    <message>
        <source>Ask the campus for a new request file</source>
        <translation>کیمپس سے نئی درخواست کی فائل منگوائیں</translation>
    </message>
    <message>
        <source>Ask the focal person to assign you to it</source>
        <translation>فوکل پرسن سے کہیں کہ آپ کو اس بیچ کا جانچ کار مقرر کریں</translation>
    </message>
    <message>
        <source>Ask the focal person to link your account to your registration</source>
        <translation>فوکل پرسن سے کہیں کہ آپ کا اکاؤنٹ آپ کی رجسٹریشن سے جوڑ دے</translation>
    </message>
    <message>
        <source>Attach a document, image, text or recording</source>
        <translation>دستاویز، تصویر، متن یا ریکارڈنگ منسلک کریں</translation>
    </message>
    <message>
        <source>Build and sign it first</source>
        <translation>پہلے اسے تیار کریں اور اس پر دستخط کریں</translation>
    </message>
    <message>
        <source>Build it in the editor</source>
        <translation>اسے ایڈیٹر میں بنائیں</translation>
    </message>
    <message>
        <source>Certify for a few years, such as 2</source>
        <translation>چند سال کے لیے تصدیق کریں، جیسے 2</translation>
    </message>
    <message>
        <source>Certify on head office&apos;s computer, which holds the root key</source>
        <translation>ہیڈ آفس کے کمپیوٹر پر تصدیق کریں، جس میں روٹ کلید ہے</translation>
    </message>
    <message>
        <source>Check the CNIC and the gender</source>
        <translation>شناختی کارڈ نمبر اور جنس دوبارہ دیکھیں</translation>
    </message>
    <message>
        <source>Check the credential&apos;s id</source>
        <translation>سند کی آئی ڈی دوبارہ دیکھیں</translation>
    </message>
    <message>
        <source>Check the drive has space and is not read-only</source>
        <translation>دیکھیں کہ ڈرائیو میں جگہ ہے اور وہ صرف پڑھنے کے لیے (read-only) نہیں</translation>
    </message>
    <message>
        <source>Check the drive, then choose it again</source>
        <translation>ڈرائیو دیکھیں، پھر فائل دوبارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Check the first digit against the card</source>
        <translation>پہلا ہندسہ کارڈ سے ملا کر دیکھیں</translation>
    </message>
    <message>
        <source>Check the number; each learner has their own</source>
        <translation>نمبر دوبارہ دیکھیں؛ ہر طالب علم کا اپنا الگ نمبر ہوتا ہے</translation>
    </message>
    <message>
        <source>Check the root key you typed, or ask for the file again</source>
        <translation>لکھی ہوئی روٹ کلید دیکھیں، یا فائل دوبارہ منگوائیں</translation>
    </message>
    <message>
        <source>Check the user name and the password (is Caps Lock on?)</source>
        <translation>صارف کا نام اور پاس ورڈ دوبارہ دیکھیں (کیا Caps Lock آن ہے؟)</translation>
    </message>
    <message>
        <source>Check the year; learners are between 12 and 100</source>
        <translation>سال دوبارہ دیکھیں؛ طلبہ کی عمر 12 سے 100 سال کے درمیان ہوتی ہے</translation>
    </message>
    <message>
        <source>Choose a backup Sanad made</source>
        <translation>سند کا بنایا ہوا بیک اپ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose a backup of this campus&apos;s database</source>
        <translation>اس کیمپس کے ڈیٹا بیس کا بیک اپ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose a cohort that has not ended</source>
        <translation>ایسا بیچ منتخب کریں جو ختم نہ ہوا ہو</translation>
    </message>
    <message>
        <source>Choose a longer passphrase, such as four unrelated words</source>
        <translation>لمبا پاس فریز منتخب کریں، جیسے چار غیر متعلق الفاظ</translation>
    </message>
    <message>
        <source>Choose a longer password; a short sentence is easy to remember</source>
        <translation>لمبا پاس ورڈ منتخب کریں؛ کوئی مختصر جملہ یاد رکھنا آسان ہوتا ہے</translation>
    </message>
    <message>
        <source>Choose a password nobody can guess from the user name</source>
        <translation>ایسا پاس ورڈ منتخب کریں جس کا صارف کے نام سے کوئی اندازہ نہ لگا سکے</translation>
    </message>
    <message>
        <source>Choose a size such as 200</source>
        <translation>200 جیسا کوئی سائز منتخب کریں</translation>
    </message>
    <message>
        <source>Choose a track from the list</source>
        <translation>فہرست سے شعبہ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose an existing folder, e.g. on the USB drive</source>
        <translation>کوئی موجودہ فولڈر منتخب کریں، مثلاً USB ڈرائیو پر</translation>
    </message>
    <message>
        <source>Choose an older backup</source>
        <translation>کوئی پرانا بیک اپ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose an open cohort, or reopen this one</source>
        <translation>کوئی کھلا بیچ منتخب کریں، یا اسی بیچ کو دوبارہ کھولیں</translation>
    </message>
    <message>
        <source>Choose another code</source>
        <translation>کوئی اور کوڈ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose another code, e.g. with the term: DA-101-2026S</source>
        <translation>کوئی اور کوڈ منتخب کریں، مثلاً سمسٹر کے ساتھ: DA-101-2026S</translation>
    </message>
    <message>
        <source>Choose another code, or start a new edition of that one</source>
        <translation>کوئی اور کوڈ منتخب کریں، یا اُس کا نیا ایڈیشن شروع کریں</translation>
    </message>
    <message>
        <source>Choose another user name</source>
        <translation>کوئی اور صارف نام منتخب کریں</translation>
    </message>
    <message>
        <source>Choose assessors from the list</source>
        <translation>فہرست سے جانچ کار منتخب کریں</translation>
    </message>
    <message>
        <source>Choose assessors of this campus</source>
        <translation>اسی کیمپس کے جانچ کار منتخب کریں</translation>
    </message>
    <message>
        <source>Choose one of the listed requirements</source>
        <translation>فہرست میں دی گئی شرائط میں سے ایک منتخب کریں</translation>
    </message>
    <message>
        <source>Choose one of the markings shown</source>
        <translation>دکھائی گئی جانچوں میں سے ایک منتخب کریں</translation>
    </message>
    <message>
        <source>Choose one of the stations listed</source>
        <translation>فہرست میں سے کوئی اسٹیشن چنیں</translation>
    </message>
    <message>
        <source>Choose the backup again</source>
        <translation>بیک اپ دوبارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose the column that holds it</source>
        <translation>وہ کالم منتخب کریں جس میں یہ درج ہے</translation>
    </message>
    <message>
        <source>Choose the credential being replaced</source>
        <translation>تبدیل کی جانے والی سند منتخب کریں</translation>
    </message>
    <message>
        <source>Choose the file again</source>
        <translation>فائل دوبارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Choose the file with learners</source>
        <translation>طلبہ والی فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Choose the finished file</source>
        <translation>مکمل فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Choose {options}</source>
        <translation>{options} میں سے انتخاب کریں</translation>
    </message>
    <message>
        <source>Close the program that is writing it, then add it again</source>
        <translation>جو پروگرام اس میں لکھ رہا ہے اسے بند کریں، پھر دوبارہ شامل کریں</translation>
    </message>
    <message>
        <source>Copy the campus key from its certificate file</source>
        <translation>کیمپس کی کلید اس کے سرٹیفکیٹ کی فائل سے نقل کریں</translation>
    </message>
    <message>
        <source>Create a new micro-credential with the new code</source>
        <translation>نئے کوڈ کے ساتھ نئی مائیکرو سند بنائیں</translation>
    </message>
    <message>
        <source>Create a new pathway with the new code</source>
        <translation>نئے کوڈ کے ساتھ نیا راستہ بنائیں</translation>
    </message>
    <message>
        <source>Create it as campus-local, or ask head office to add it to the national catalogue</source>
        <translation>اسے کیمپس کے دائرے میں بنائیں، یا ہیڈ آفس سے کہیں کہ اسے قومی نصاب میں شامل کرے</translation>
    </message>
    <message>
        <source>Describe what each level looks like for this criterion</source>
        <translation>اس معیار کے لیے بیان کریں کہ ہر سطح کیسی دکھتی ہے</translation>
    </message>
    <message>
        <source>Do this on head office&apos;s computer, which holds the root key</source>
        <translation>یہ کام ہیڈ آفس کے کمپیوٹر پر کریں، جس میں روٹ کلید ہے</translation>
    </message>
    <message>
        <source>Edit the draft itself</source>
        <translation>براہِ راست مسودے میں ترمیم کریں</translation>
    </message>
    <message>
        <source>Evidence is added while enrolled, in progress, or asked to resubmit</source>
        <translation>شواہد اس وقت شامل کیے جاتے ہیں جب حیثیت داخل، جاری یا دوبارہ جمع کرانے کی ہدایت ہو</translation>
    </message>
    <message>
        <source>Fill it in</source>
        <translation>اسے پُر کریں</translation>
    </message>
    <message>
        <source>Free some space on the disk that holds the evidence folder, then add it again</source>
        <translation>شواہد کے فولڈر والی ڈسک پر کچھ جگہ خالی کریں، پھر دوبارہ شامل کریں</translation>
    </message>
    <message>
        <source>Get the campus&apos;s status list again from the registry</source>
        <translation>کیمپس کی حیثیت فہرست رجسٹری سے دوبارہ حاصل کریں</translation>
    </message>
    <message>
        <source>Give an Urdu descriptor for every level, or none</source>
        <translation>ہر سطح کی اردو وضاحت دیں، یا کسی کی بھی نہیں</translation>
    </message>
    <message>
        <source>Give each level points such as 0, 1, 2, 3</source>
        <translation>ہر سطح کو نمبر دیں، مثلاً ⁦0, 1, 2, 3⁩</translation>
    </message>
    <message>
        <source>Give the registry&apos;s address (sanad keys certify --registry URL)</source>
        <translation>رجسٹری کا پتا دیں (sanad keys certify --registry URL)</translation>
    </message>
    <message>
        <source>Install it on the computer that made the request</source>
        <translation>اسے اسی کمپیوٹر پر انسٹال کریں جس نے درخواست بنائی تھی</translation>
    </message>
    <message>
        <source>Install the newer Sanad to open it; this copy has not changed it</source>
        <translation>اسے کھولنے کے لیے سند کا نیا ورژن انسٹال کریں؛ اس نسخے نے اس میں کوئی تبدیلی نہیں کی</translation>
    </message>
    <message>
        <source>Install this campus&apos;s certificate first (it brings the root key)</source>
        <translation>پہلے اس کیمپس کا سرٹیفکیٹ انسٹال کریں (اس کے ساتھ روٹ کلید آتی ہے)</translation>
    </message>
    <message>
        <source>Issue a credential once an assessment has passed the learner</source>
        <translation>جانچ میں طالب علم کے کامیاب ہونے کے بعد سند جاری کریں</translation>
    </message>
    <message>
        <source>Issue it again: it gets the next serial</source>
        <translation>دوبارہ جاری کریں: اسے اگلا سیریل نمبر ملے گا</translation>
    </message>
    <message>
        <source>Issue the new one as its replacement, naming the credential it supersedes</source>
        <translation>نئی سند اس کے متبادل کے طور پر جاری کریں اور بتائیں کہ یہ کس سند کی جگہ لے رہی ہے</translation>
    </message>
    <message>
        <source>It can become {allowed}</source>
        <translation>موجودہ حیثیت کو {allowed} میں بدلا جا سکتا ہے</translation>
    </message>
    <message>
        <source>It is final</source>
        <translation>موجودہ حیثیت حتمی ہے</translation>
    </message>
    <message>
        <source>It is suspended already; reinstate or revoke it</source>
        <translation>یہ پہلے ہی معطل ہے؛ اسے بحال یا منسوخ کریں</translation>
    </message>
    <message>
        <source>It may have been moved, or its drive removed: choose it again</source>
        <translation>شاید یہ منتقل ہو گئی یا اس کی ڈرائیو نکال لی گئی: اسے دوبارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Keep at least one assessor</source>
        <translation>کم از کم ایک جانچنے والا رکھیں</translation>
    </message>
    <message>
        <source>Keep it to {max_len}</source>
        <translation>اسے {max_len} حروف تک رکھیں</translation>
    </message>
    <message>
        <source>Keep it under {limit} characters, or attach it as a file</source>
        <translation>اسے {limit} حروف سے کم رکھیں، یا فائل کے طور پر منسلک کریں</translation>
    </message>
    <message>
        <source>Keep one of the two rows</source>
        <translation>دونوں قطاروں میں سے ایک رکھیں</translation>
    </message>
    <message>
        <source>Leave the row out, or correct the CNIC</source>
        <translation>یہ قطار چھوڑ دیں، یا شناختی کارڈ نمبر درست کریں</translation>
    </message>
    <message>
        <source>Leave the row out, or correct the number</source>
        <translation>یہ قطار چھوڑ دیں، یا نمبر درست کریں</translation>
    </message>
    <message>
        <source>List at least one thing a learner will be able to do</source>
        <translation>کم از کم ایک ایسا کام درج کریں جو طالب علم کر سکے گا</translation>
    </message>
    <message>
        <source>Make a campus key and install head office&apos;s certificate (Tools → Signing keys)</source>
        <translation>کیمپس کی کلید بنائیں اور ہیڈ آفس کا سرٹیفکیٹ انسٹال کریں (ٹولز ← دستخطی کلیدیں)</translation>
    </message>
    <message>
        <source>Make it smaller (compress it, or split it), or share it as a link</source>
        <translation>اسے چھوٹا کریں (کمپریس کریں یا حصوں میں بانٹیں)، یا لنک کے طور پر دیں</translation>
    </message>
    <message>
        <source>Move its end date first, or open a new cohort</source>
        <translation>پہلے اس کی اختتام کی تاریخ تبدیل کریں، یا نیا بیچ کھولیں</translation>
    </message>
    <message>
        <source>Nothing more is needed</source>
        <translation>مزید کچھ کرنے کی ضرورت نہیں</translation>
    </message>
    <message>
        <source>Offer a national or own one</source>
        <translation>کوئی قومی یا اپنے کیمپس کی مائیکرو سند پیش کریں</translation>
    </message>
    <message>
        <source>Offer a published micro-credential; publish the draft first</source>
        <translation>شائع شدہ مائیکرو سند پیش کریں؛ پہلے مسودہ شائع کریں</translation>
    </message>
    <message>
        <source>Only a suspended credential can be reinstated</source>
        <translation>صرف معطل سند ہی بحال ہو سکتی ہے</translation>
    </message>
    <message>
        <source>Only a {required} micro-credential can be {to}</source>
        <translation>صرف وہی مائیکرو سند {to} ہو سکتی ہے جس کی حیثیت {required} ہو</translation>
    </message>
    <message>
        <source>Only a {required} pathway can be {to}</source>
        <translation>صرف وہی راستہ {to} ہو سکتا ہے جس کی حیثیت {required} ہو</translation>
    </message>
    <message>
        <source>Only an attempt held for disagreeing markers is resolved</source>
        <translation>صرف وہ کوشش طے کی جاتی ہے جو جانچنے والوں کے اختلاف کی وجہ سے رکی ہو</translation>
    </message>
    <message>
        <source>Only head office changes national records</source>
        <translation>قومی ریکارڈ میں تبدیلی صرف ہیڈ آفس کرتا ہے</translation>
    </message>
    <message>
        <source>Open it and sign in, or choose a new file for a new campus</source>
        <translation>اسے کھول کر سائن اِن کریں، یا نئے کیمپس کے لیے نئی فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Open that draft instead</source>
        <translation>اس کے بجائے وہ مسودہ کھولیں</translation>
    </message>
    <message>
        <source>Open that learner instead of adding them twice</source>
        <translation>دوبارہ شامل کرنے کے بجائے اسی طالب علم کا ریکارڈ کھولیں</translation>
    </message>
    <message>
        <source>Open the existing enrolment</source>
        <translation>موجودہ داخلہ کھولیں</translation>
    </message>
    <message>
        <source>Order the levels from lowest to highest</source>
        <translation>سطحوں کو کم سے زیادہ کی ترتیب میں رکھیں</translation>
    </message>
    <message>
        <source>Paste the full address, starting with https://</source>
        <translation>پورا پتا پیسٹ کریں، جو ⁦https://⁩ سے شروع ہو</translation>
    </message>
    <message>
        <source>Pick a learner from the list</source>
        <translation>فہرست سے طالب علم منتخب کریں</translation>
    </message>
    <message>
        <source>Pick members from the catalogue</source>
        <translation>نصاب سے اجزا منتخب کریں</translation>
    </message>
    <message>
        <source>Pick the learner this account belongs to</source>
        <translation>وہ طالب علم منتخب کریں جس کا یہ اکاؤنٹ ہے</translation>
    </message>
    <message>
        <source>Plug in the backup drive, or choose the backup folder again</source>
        <translation>بیک اپ والی ڈرائیو لگائیں، یا بیک اپ فولڈر دوبارہ منتخب کریں</translation>
    </message>
    <message>
        <source>Publish them first, or take them out of the pathway</source>
        <translation>پہلے انہیں شائع کریں، یا راستے سے نکال دیں</translation>
    </message>
    <message>
        <source>Raise the capacity first</source>
        <translation>پہلے گنجائش بڑھائیں</translation>
    </message>
    <message>
        <source>Raise the capacity, choose fewer learners, or open another cohort</source>
        <translation>گنجائش بڑھائیں، کم طلبہ منتخب کریں، یا کوئی اور بیچ کھولیں</translation>
    </message>
    <message>
        <source>Record a new entry instead</source>
        <translation>اس کے بجائے نیا اندراج کریں</translation>
    </message>
    <message>
        <source>Record an assessment of the submitted work instead</source>
        <translation>اس کے بجائے جمع شدہ کام کی جانچ درج کریں</translation>
    </message>
    <message>
        <source>Records are changed at the campus that owns them</source>
        <translation>ریکارڈ میں تبدیلی وہی کیمپس کرتا ہے جس کا وہ ریکارڈ ہے</translation>
    </message>
    <message>
        <source>Register the learner at this campus first</source>
        <translation>پہلے طالب علم کو اس کیمپس میں رجسٹر کریں</translation>
    </message>
    <message>
        <source>Reload and try again</source>
        <translation>دوبارہ لوڈ کر کے پھر کوشش کریں</translation>
    </message>
    <message>
        <source>Reload the catalogue</source>
        <translation>نصاب دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list of cohorts</source>
        <translation>بیچوں کی فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list of credentials</source>
        <translation>اسناد کی فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list of enrolments</source>
        <translation>داخلوں کی فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list of learners</source>
        <translation>طلبہ کی فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the list of users</source>
        <translation>صارفین کی فہرست دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the proposals</source>
        <translation>تجاویز دوبارہ لوڈ کریں</translation>
    </message>
    <message>
        <source>Reload the rubric and score again</source>
        <translation>روبرک دوبارہ لوڈ کر کے پھر سے نمبر دیں</translation>
    </message>
    <message>
        <source>Replace the newest credential of this enrolment instead</source>
        <translation>اس کے بجائے اس داخلے کی تازہ ترین سند تبدیل کریں</translation>
    </message>
    <message>
        <source>Reset that account&apos;s password instead</source>
        <translation>اس کے بجائے اُس اکاؤنٹ کا پاس ورڈ ری سیٹ کریں</translation>
    </message>
    <message>
        <source>Retire it and create a new pathway</source>
        <translation>اسے ریٹائر کر کے نیا راستہ بنائیں</translation>
    </message>
    <message>
        <source>Revoke it, with the reason, before issuing its replacement</source>
        <translation>متبادل جاری کرنے سے پہلے اسے وجہ کے ساتھ منسوخ کریں</translation>
    </message>
    <message>
        <source>Revoke it; the pathway is proposed again while its components stand</source>
        <translation>اسے منسوخ کریں؛ جب تک اس کے اجزا قائم ہیں، راستہ دوبارہ تجویز ہوگا</translation>
    </message>
    <message>
        <source>Run &apos;sanad db check&apos; on the database</source>
        <translation>ڈیٹا بیس پر &apos;sanad db check&apos; چلائیں</translation>
    </message>
    <message>
        <source>Save it again from the spreadsheet as CSV UTF-8</source>
        <translation>اسپریڈشیٹ سے اسے دوبارہ CSV UTF-8 کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>Save it from the spreadsheet as CSV UTF-8</source>
        <translation>اسپریڈشیٹ سے اسے CSV UTF-8 کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>Say what a learner must submit, at least one item</source>
        <translation>بتائیں کہ طالب علم کو کیا جمع کرانا ہے، کم از کم ایک چیز</translation>
    </message>
    <message>
        <source>Score every criterion of the rubric</source>
        <translation>روبرک کے ہر معیار پر نمبر دیں</translation>
    </message>
    <message>
        <source>Set an end date on or after the start date</source>
        <translation>اختتام کی تاریخ آغاز کی تاریخ والے دن یا اس کے بعد کی رکھیں</translation>
    </message>
    <message>
        <source>Set the campus up first (sanad gui)</source>
        <translation>پہلے کیمپس ترتیب دیں (sanad gui)</translation>
    </message>
    <message>
        <source>Set the points every criterion needs, or the total, or both</source>
        <translation>ہر معیار کے لازمی نمبر، یا لازمی کل نمبر، یا دونوں مقرر کریں</translation>
    </message>
    <message>
        <source>Set up the campus first</source>
        <translation>پہلے کیمپس ترتیب دیں</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>دوبارہ سائن اِن کریں</translation>
    </message>
    <message>
        <source>Sign in with your own account</source>
        <translation>اپنے اکاؤنٹ سے سائن اِن کریں</translation>
    </message>
    <message>
        <source>Split it into files under {limit} MB</source>
        <translation>اسے {limit} MB سے چھوٹی فائلوں میں تقسیم کریں</translation>
    </message>
    <message>
        <source>Start a new edition to change it</source>
        <translation>تبدیلی کے لیے نیا ایڈیشن شروع کریں</translation>
    </message>
    <message>
        <source>Submit it as {kinds}</source>
        <translation>اسے {kinds} کی صورت میں جمع کرائیں</translation>
    </message>
    <message>
        <source>The focal person resolves it by choosing one of the markings</source>
        <translation>فوکل پرسن کسی ایک جانچ کو منتخب کر کے اسے طے کرتا ہے</translation>
    </message>
    <message>
        <source>The learner submits an attempt with its evidence</source>
        <translation>طالب علم اپنی کوشش شواہد کے ساتھ خود جمع کراتا ہے</translation>
    </message>
    <message>
        <source>To correct it, revoke it and issue a replacement that supersedes it</source>
        <translation>درستی کے لیے اسے منسوخ کریں اور اس کی جگہ متبادل سند جاری کریں</translation>
    </message>
    <message>
        <source>Type digits only</source>
        <translation>صرف ہندسے لکھیں</translation>
    </message>
    <message>
        <source>Type it as printed on the student card, e.g. QAU-2026-DA-0042</source>
        <translation>اسے ویسے ہی لکھیں جیسے طالب علم کے کارڈ پر چھپا ہے، مثلاً QAU-2026-DA-0042</translation>
    </message>
    <message>
        <source>Type the number exactly as it is printed on the card</source>
        <translation>نمبر بالکل ویسے ہی لکھیں جیسے کارڈ پر چھپا ہے</translation>
    </message>
    <message>
        <source>Type the passphrase chosen when the key was made</source>
        <translation>وہ پاس فریز لکھیں جو کلید بناتے وقت منتخب کیا تھا</translation>
    </message>
    <message>
        <source>Type the password you signed in with</source>
        <translation>وہ پاس ورڈ لکھیں جس سے آپ نے سائن اِن کیا تھا</translation>
    </message>
    <message>
        <source>Type the registry&apos;s address with https:// and no path after the host</source>
        <translation>رجسٹری کا پتا https:// کے ساتھ لکھیں، میزبان کے بعد کوئی راستہ نہیں</translation>
    </message>
    <message>
        <source>Use a key made by Sanad</source>
        <translation>سند کی بنائی ہوئی کلید استعمال کریں</translation>
    </message>
    <message>
        <source>Use a number between {minimum} and {maximum}</source>
        <translation>{minimum} اور {maximum} کے درمیان کوئی عدد لکھیں</translation>
    </message>
    <message>
        <source>Use a number from 0 to 200</source>
        <translation>0 سے 200 تک کا عدد لکھیں</translation>
    </message>
    <message>
        <source>Use a number of at least {minimum}</source>
        <translation>کم از کم {minimum} کا عدد لکھیں</translation>
    </message>
    <message>
        <source>Use at least {taken}, or withdraw learners first</source>
        <translation>کم از کم {taken} رکھیں، یا پہلے کچھ طلبہ کو دستبردار کریں</translation>
    </message>
    <message>
        <source>Use between 0 and {maximum}</source>
        <translation>0 اور {maximum} کے درمیان رکھیں</translation>
    </message>
    <message>
        <source>Use credit hours from 0 to 60, in halves (e.g. 1.5)</source>
        <translation>0 سے 60 تک کریڈٹ آورز رکھیں، آدھے آدھے کے حساب سے (مثلاً 1.5)</translation>
    </message>
    <message>
        <source>Use file, link or reflection</source>
        <translation>فائل، لنک یا تحریری جائزہ استعمال کریں</translation>
    </message>
    <message>
        <source>Use one of {points}</source>
        <translation>{points} میں سے کوئی ایک استعمال کریں</translation>
    </message>
    <message>
        <source>Use something like ayesha.khan or the registration number</source>
        <translation>ayesha.khan جیسا کوئی نام یا رجسٹریشن نمبر استعمال کریں</translation>
    </message>
    <message>
        <source>Use something short such as DA-101</source>
        <translation>DA-101 جیسا کوئی مختصر کوڈ استعمال کریں</translation>
    </message>
    <message>
        <source>Use the national scope</source>
        <translation>قومی دائرہ استعمال کریں</translation>
    </message>
    <message>
        <source>Use the newest status list from the registry</source>
        <translation>رجسٹری کی تازہ ترین حیثیت فہرست استعمال کریں</translation>
    </message>
    <message>
        <source>Use the newest trust list from head office</source>
        <translation>ہیڈ آفس کی تازہ ترین فہرستِ اعتماد استعمال کریں</translation>
    </message>
    <message>
        <source>Use the root key made before; a second one would split the trust</source>
        <translation>پہلے بنی روٹ کلید استعمال کریں؛ دوسری کلید اعتماد کو تقسیم کر دے گی</translation>
    </message>
    <message>
        <source>Use this campus&apos;s own key</source>
        <translation>اسی کیمپس کی اپنی کلید استعمال کریں</translation>
    </message>
    <message>
        <source>Wait until it is finished, then add it again</source>
        <translation>اس کے مکمل ہونے کا انتظار کریں، پھر دوبارہ شامل کریں</translation>
    </message>
    <message>
        <source>Wait until the learner submits</source>
        <translation>طالب علم کے جمع کرانے تک انتظار کریں</translation>
    </message>
    <message>
        <source>Withdraw them instead; a learner with a record stays on file</source>
        <translation>اس کے بجائے یہ داخلے دستبردار کریں؛ جس طالب علم کا ریکارڈ ہو وہ ریکارڈ میں برقرار رہتا ہے</translation>
    </message>
    <message>
        <source>Write a few sentences about what you did and learned</source>
        <translation>چند جملے لکھیں کہ آپ نے کیا کیا اور کیا سیکھا</translation>
    </message>
    <message>
        <source>Write a mobile as 0300-1234567 or +92 300 1234567, a landline with its area code</source>
        <translation>موبائل نمبر ⁦0300-1234567⁩ یا ⁦+923001234567⁩ کی طرح لکھیں، اور لینڈ لائن نمبر ایریا کوڈ کے ساتھ</translation>
    </message>
    <message>
        <source>Write it as YYYY-MM-DD, e.g. 2026-03-14</source>
        <translation>اسے ⁦YYYY-MM-DD⁩ کی صورت میں لکھیں، مثلاً ⁦2026-03-14⁩</translation>
    </message>
    <message>
        <source>Write it as name@example.edu.pk</source>
        <translation>اسے name@example.edu.pk کی طرح لکھیں</translation>
    </message>
    <message>
        <source>a CNIC has 13 digits written as 12345-1234567-1, this has {count}</source>
        <translation>شناختی کارڈ نمبر میں 13 ہندسے ہوتے ہیں جو ⁦12345-1234567-1⁩ کی طرح لکھے جاتے ہیں، اس میں {count} ہیں</translation>
    </message>
    <message>
        <source>already belongs to {name}</source>
        <translation>پہلے ہی {name} کا ہے</translation>
    </message>
    <message>
        <source>already exists on this computer</source>
        <translation>اس کمپیوٹر پر پہلے سے موجود ہے</translation>
    </message>
    <message>
        <source>already has a credential</source>
        <translation>اس کی سند پہلے ہی جاری ہو چکی ہے</translation>
    </message>
    <message>
        <source>already has a draft edition</source>
        <translation>اس کا ایک مسودہ ایڈیشن پہلے سے موجود ہے</translation>
    </message>
    <message>
        <source>already has an account</source>
        <translation>اس کا اکاؤنٹ پہلے سے موجود ہے</translation>
    </message>
    <message>
        <source>and this password do not match an account</source>
        <translation>اور یہ پاس ورڈ کسی اکاؤنٹ سے نہیں ملتے</translation>
    </message>
    <message>
        <source>are empty</source>
        <translation>خالی ہیں</translation>
    </message>
    <message>
        <source>are fewer than two</source>
        <translation>دو سے کم ہیں</translation>
    </message>
    <message>
        <source>are not in the catalogue</source>
        <translation>نصاب میں موجود نہیں</translation>
    </message>
    <message>
        <source>asks for a total no learner can reach</source>
        <translation>ایسے کل نمبر مانگتا ہے جو کوئی طالب علم حاصل نہیں کر سکتا</translation>
    </message>
    <message>
        <source>asks for points no level gives</source>
        <translation>ایسے نمبر مانگتا ہے جو کوئی سطح نہیں دیتی</translation>
    </message>
    <message>
        <source>belongs to another campus</source>
        <translation>اس کا تعلق کسی اور کیمپس سے ہے</translation>
    </message>
    <message>
        <source>belongs to another campus, so this account may not {doing}</source>
        <translation>اس کا تعلق کسی اور کیمپس سے ہے، اس لیے اس اکاؤنٹ کو {doing} کی اجازت نہیں</translation>
    </message>
    <message>
        <source>belongs to another learner</source>
        <translation>اس کا تعلق کسی اور طالب علم سے ہے</translation>
    </message>
    <message>
        <source>belongs to no learner</source>
        <translation>کسی طالب علم کا نہیں</translation>
    </message>
    <message>
        <source>breaks the pass rule (a total of at least {total}): these scores total {scored}</source>
        <translation>کامیابی کے اصول (کل کم از کم {total} نمبر) کے خلاف ہے: ان نمبروں کا کل {scored} ہے</translation>
    </message>
    <message>
        <source>breaks the pass rule (every criterion at least {each} and a total of at least {total}): these scores total {scored}, the lowest is {lowest}</source>
        <translation>کامیابی کے اصول (ہر معیار میں کم از کم {each} اور کل کم از کم {total} نمبر) کے خلاف ہے: ان نمبروں کا کل {scored} ہے اور سب سے کم {lowest} ہے</translation>
    </message>
    <message>
        <source>breaks the pass rule (every criterion at least {each}): the lowest of these scores is {lowest}</source>
        <translation>کامیابی کے اصول (ہر معیار میں کم از کم {each} نمبر) کے خلاف ہے: ان میں سب سے کم نمبر {lowest} ہے</translation>
    </message>
    <message>
        <source>cannot be certified: {reason}</source>
        <translation>کی تصدیق نہیں ہو سکتی: {reason}</translation>
    </message>
    <message>
        <source>cannot become {to}</source>
        <translation>{to} میں تبدیل نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot change</source>
        <translation>اسے تبدیل نہیں کیا جا سکتا</translation>
    </message>
    <message>
        <source>cannot follow {current}</source>
        <translation>حیثیت {current} کے بعد نہیں آ سکتی</translation>
    </message>
    <message>
        <source>changed while it was being copied</source>
        <translation>نقل ہوتے وقت بدل گئی</translation>
    </message>
    <message>
        <source>could not be copied ({reason})</source>
        <translation>نقل نہیں ہو سکی ({reason})</translation>
    </message>
    <message>
        <source>could not be read ({reason})</source>
        <translation>پڑھی نہیں جا سکی ({reason})</translation>
    </message>
    <message>
        <source>could not be stored: the disk is full</source>
        <translation>محفوظ نہیں ہو سکی: ڈسک بھری ہوئی ہے</translation>
    </message>
    <message>
        <source>could not be written ({reason})</source>
        <translation>اس میں لکھا نہیں جا سکا ({reason})</translation>
    </message>
    <message>
        <source>did not verify: {problems}</source>
        <translation>اس کی تصدیق نہیں ہو سکی: {problems}</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>موجود نہیں</translation>
    </message>
    <message>
        <source>does not exist or is not a file</source>
        <translation>موجود نہیں یا فائل نہیں ہے</translation>
    </message>
    <message>
        <source>does not exist or was deleted</source>
        <translation>موجود نہیں یا اسے حذف کیا جا چکا ہے</translation>
    </message>
    <message>
        <source>does not exist or was removed</source>
        <translation>موجود نہیں یا اسے ہٹایا جا چکا ہے</translation>
    </message>
    <message>
        <source>does not open this key</source>
        <translation>سے یہ کلید نہیں کھلتی</translation>
    </message>
    <message>
        <source>does not take evidence now</source>
        <translation>اس میں ابھی شواہد شامل نہیں کیے جا سکتے</translation>
    </message>
    <message>
        <source>ended on {date}</source>
        <translation>{date} کو ختم ہو چکا ہے</translation>
    </message>
    <message>
        <source>ends in an even digit, which NADRA gives to women, but the gender is male</source>
        <translation>اس کا آخری ہندسہ جفت ہے، جو NADRA خواتین کو دیتا ہے، لیکن جنس مرد درج ہے</translation>
    </message>
    <message>
        <source>ends in an odd digit, which NADRA gives to men, but the gender is female</source>
        <translation>اس کا آخری ہندسہ طاق ہے، جو NADRA مردوں کو دیتا ہے، لیکن جنس خاتون درج ہے</translation>
    </message>
    <message>
        <source>grew past the {limit} MB allowed while it was copied</source>
        <translation>نقل ہوتے وقت اجازت شدہ {limit} MB سے بڑی ہو گئی</translation>
    </message>
    <message>
        <source>has Urdu descriptors for some levels only</source>
        <translation>اس میں صرف کچھ سطحوں کی اردو وضاحت ہے</translation>
    </message>
    <message>
        <source>has a {part} of {length} characters</source>
        <translation>اس کا {part} {length} حروف کا ہے</translation>
    </message>
    <message>
        <source>has already been marked by you</source>
        <translation>کی جانچ آپ پہلے ہی کر چکے ہیں</translation>
    </message>
    <message>
        <source>has an unknown kind of evidence</source>
        <translation>اس میں شواہد کی نامعلوم قسم ہے</translation>
    </message>
    <message>
        <source>has been marked, and its markings disagree</source>
        <translation>کی جانچ ہو چکی ہے اور جانچوں میں اختلاف ہے</translation>
    </message>
    <message>
        <source>has descriptors for {described} levels, the rubric has {levels}</source>
        <translation>اس میں {described} سطحوں کی وضاحت ہے، جبکہ روبرک میں {levels} سطحیں ہیں</translation>
    </message>
    <message>
        <source>has enrolments ({count})</source>
        <translation>اس کے داخلے موجود ہیں ({count})</translation>
    </message>
    <message>
        <source>has no column</source>
        <translation>اس کا کوئی کالم نہیں</translation>
    </message>
    <message>
        <source>has no markings that disagree</source>
        <translation>کی کوئی جانچیں آپس میں مختلف نہیں</translation>
    </message>
    <message>
        <source>has no seats left</source>
        <translation>اس میں کوئی نشست باقی نہیں</translation>
    </message>
    <message>
        <source>has no submitted attempt to mark</source>
        <translation>اس میں جانچ کے لیے کوئی جمع شدہ کوشش نہیں</translation>
    </message>
    <message>
        <source>has no whole-number points</source>
        <translation>اس کے نمبر پورے عدد میں نہیں</translation>
    </message>
    <message>
        <source>has no {part}</source>
        <translation>اس کا {part} درج نہیں</translation>
    </message>
    <message>
        <source>has not been passed</source>
        <translation>اس میں ابھی کامیابی حاصل نہیں ہوئی</translation>
    </message>
    <message>
        <source>has not been revoked</source>
        <translation>اسے منسوخ نہیں کیا گیا</translation>
    </message>
    <message>
        <source>has nothing submitted yet</source>
        <translation>ان کے لیے ابھی کچھ جمع نہیں کرایا گیا</translation>
    </message>
    <message>
        <source>has {seats} of {capacity} seats left, and {chosen} learners were chosen</source>
        <translation>اس میں {capacity} میں سے {seats} نشستیں باقی ہیں، جبکہ {chosen} طلبہ منتخب کیے گئے</translation>
    </message>
    <message>
        <source>have no published edition</source>
        <translation>کا کوئی شائع شدہ ایڈیشن نہیں</translation>
    </message>
    <message>
        <source>is a backup of another campus</source>
        <translation>کسی اور کیمپس کا بیک اپ ہے</translation>
    </message>
    <message>
        <source>is a kind of file assessors cannot open ({found})</source>
        <translation>ایسی فائل ہے جو جانچنے والے کھول نہیں سکتے ({found})</translation>
    </message>
    <message>
        <source>is a pathway credential</source>
        <translation>راستے کی سند ہے</translation>
    </message>
    <message>
        <source>is a program ({found}), not a document, whatever its name says</source>
        <translation>ایک پروگرام ہے ({found})، دستاویز نہیں، چاہے اس کا نام کچھ بھی کہے</translation>
    </message>
    <message>
        <source>is a record of something that happened and cannot change</source>
        <translation>یہ پیش آ چکے واقعے کا ریکارڈ ہے اور تبدیل نہیں ہو سکتا</translation>
    </message>
    <message>
        <source>is active and cannot be {action}</source>
        <translation>فعال ہے اور {action} نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>is already a cohort here</source>
        <translation>یہاں پہلے سے کسی بیچ کا کوڈ ہے</translation>
    </message>
    <message>
        <source>is already a pathway</source>
        <translation>پہلے سے کسی راستے کا کوڈ ہے</translation>
    </message>
    <message>
        <source>is already a track</source>
        <translation>پہلے سے کسی شعبے کا کوڈ ہے</translation>
    </message>
    <message>
        <source>is already enrolled in this cohort</source>
        <translation>اس بیچ میں پہلے سے داخل ہے</translation>
    </message>
    <message>
        <source>is already in the catalogue</source>
        <translation>پہلے سے نصاب میں موجود ہے</translation>
    </message>
    <message>
        <source>is already registered here</source>
        <translation>یہاں پہلے سے رجسٹرڈ ہے</translation>
    </message>
    <message>
        <source>is already registered to {name} ({registration_no})</source>
        <translation>پہلے ہی {name} ({registration_no}) کے نام رجسٹرڈ ہے</translation>
    </message>
    <message>
        <source>is already set up for a campus</source>
        <translation>پہلے سے کسی کیمپس کے لیے ترتیب دیا جا چکا ہے</translation>
    </message>
    <message>
        <source>is already taken</source>
        <translation>پہلے سے استعمال میں ہے</translation>
    </message>
    <message>
        <source>is before the start, {start}</source>
        <translation>آغاز کی تاریخ {start} سے پہلے ہے</translation>
    </message>
    <message>
        <source>is below the {taken} learners already enrolled</source>
        <translation>پہلے سے داخل {taken} طلبہ سے کم ہے</translation>
    </message>
    <message>
        <source>is certified for another campus</source>
        <translation>کسی اور کیمپس کے لیے تصدیق شدہ ہے</translation>
    </message>
    <message>
        <source>is closed to new enrolments</source>
        <translation>نئے داخلوں کے لیے بند ہے</translation>
    </message>
    <message>
        <source>is damaged: {problems}</source>
        <translation>خراب ہے: {problems}</translation>
    </message>
    <message>
        <source>is deactivated</source>
        <translation>غیر فعال ہے</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>خالی ہے</translation>
    </message>
    <message>
        <source>is for a criterion not in this rubric</source>
        <translation>ایسے معیار کے لیے ہے جو اس روبرک میں نہیں</translation>
    </message>
    <message>
        <source>is for a key not made here</source>
        <translation>ایسی کلید کا ہے جو یہاں نہیں بنی</translation>
    </message>
    <message>
        <source>is in the national catalogue</source>
        <translation>قومی نصاب میں شامل ہے</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>موجود نہیں</translation>
    </message>
    <message>
        <source>is missing: this enrolment&apos;s credential {serial} was revoked</source>
        <translation>درج نہیں: اس داخلے کی سند {serial} منسوخ کی جا چکی ہے</translation>
    </message>
    <message>
        <source>is not a Pakistani phone number</source>
        <translation>پاکستانی فون نمبر نہیں</translation>
    </message>
    <message>
        <source>is not a Sanad database ({reason})</source>
        <translation>سند کا ڈیٹا بیس نہیں ({reason})</translation>
    </message>
    <message>
        <source>is not a credential document</source>
        <translation>سند کی دستاویز نہیں</translation>
    </message>
    <message>
        <source>is not a credential of this enrolment</source>
        <translation>اس داخلے کی سند نہیں</translation>
    </message>
    <message>
        <source>is not a credit value</source>
        <translation>درست کریڈٹ نہیں</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>درست تاریخ نہیں</translation>
    </message>
    <message>
        <source>is not a deleted row</source>
        <translation>حذف شدہ قطار نہیں</translation>
    </message>
    <message>
        <source>is not a folder</source>
        <translation>فولڈر نہیں</translation>
    </message>
    <message>
        <source>is not a lab station that joined this hub</source>
        <translation>اس ہب سے جڑا ہوا لیب اسٹیشن نہیں</translation>
    </message>
    <message>
        <source>is not a learner here</source>
        <translation>یہاں کا طالب علم نہیں</translation>
    </message>
    <message>
        <source>is not a learning track</source>
        <translation>درست تعلیمی شعبہ نہیں</translation>
    </message>
    <message>
        <source>is not a level of the rubric</source>
        <translation>روبرک کی کوئی سطح نہیں</translation>
    </message>
    <message>
        <source>is not a list of items</source>
        <translation>اندراجات کی فہرست نہیں</translation>
    </message>
    <message>
        <source>is not a marking of this attempt</source>
        <translation>اس کوشش کی جانچ نہیں</translation>
    </message>
    <message>
        <source>is not a requirement of this micro-credential</source>
        <translation>اس مائیکرو سند کی شرط نہیں</translation>
    </message>
    <message>
        <source>is not a rubric</source>
        <translation>روبرک نہیں</translation>
    </message>
    <message>
        <source>is not a user here</source>
        <translation>یہاں کا صارف نہیں</translation>
    </message>
    <message>
        <source>is not a web address</source>
        <translation>ویب پتا نہیں</translation>
    </message>
    <message>
        <source>is not a web address such as https://registry.example.pk</source>
        <translation>https://registry.example.pk جیسا ویب پتا نہیں</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>پورا عدد نہیں</translation>
    </message>
    <message>
        <source>is not accepted for &apos;{requirement}&apos;</source>
        <translation>&apos;{requirement}&apos; کے لیے قابلِ قبول نہیں</translation>
    </message>
    <message>
        <source>is not an Ed25519 key</source>
        <translation>Ed25519 کلید نہیں</translation>
    </message>
    <message>
        <source>is not an active assessor here</source>
        <translation>یہاں فعال جانچ کار نہیں</translation>
    </message>
    <message>
        <source>is not an email address</source>
        <translation>ای میل پتا نہیں</translation>
    </message>
    <message>
        <source>is not between 1 and 10</source>
        <translation>1 اور 10 کے درمیان نہیں</translation>
    </message>
    <message>
        <source>is not between 1 and {most} MB</source>
        <translation>1 اور {most} MB کے درمیان نہیں</translation>
    </message>
    <message>
        <source>is not due: it was issued already, or a component credential is no longer in force</source>
        <translation>واجب نہیں: یہ پہلے جاری ہو چکی ہے، یا کوئی جزوی سند اب نافذ نہیں</translation>
    </message>
    <message>
        <source>is not known on this computer</source>
        <translation>اس کمپیوٹر پر معلوم نہیں</translation>
    </message>
    <message>
        <source>is not newer than version {newest} kept here</source>
        <translation>یہاں محفوظ ورژن {newest} سے نئی نہیں</translation>
    </message>
    <message>
        <source>is not on this computer</source>
        <translation>اس کمپیوٹر پر نہیں</translation>
    </message>
    <message>
        <source>is not on this computer, or not certified yet</source>
        <translation>اس کمپیوٹر پر نہیں، یا ابھی تصدیق شدہ نہیں</translation>
    </message>
    <message>
        <source>is not one of the allowed values</source>
        <translation>اجازت شدہ اندراجات میں سے نہیں</translation>
    </message>
    <message>
        <source>is not one of your cohorts</source>
        <translation>آپ کے بیچوں میں سے نہیں</translation>
    </message>
    <message>
        <source>is not published</source>
        <translation>شائع شدہ نہیں</translation>
    </message>
    <message>
        <source>is not set on head office&apos;s computer</source>
        <translation>ہیڈ آفس کے کمپیوٹر پر درج نہیں</translation>
    </message>
    <message>
        <source>is not set up on this computer</source>
        <translation>اس کمپیوٹر پر ترتیب نہیں دیا گیا</translation>
    </message>
    <message>
        <source>is not text in any encoding Sanad knows</source>
        <translation>ایسا متن نہیں جس کی انکوڈنگ سند پہچانتا ہو</translation>
    </message>
    <message>
        <source>is not the current password</source>
        <translation>موجودہ پاس ورڈ نہیں</translation>
    </message>
    <message>
        <source>is not trusted: {reason}</source>
        <translation>قابلِ اعتماد نہیں: {reason}</translation>
    </message>
    <message>
        <source>is not valid now: {reason}</source>
        <translation>اب معتبر نہیں: {reason}</translation>
    </message>
    <message>
        <source>is of a type Sanad does not recognise</source>
        <translation>کی قسم سند نہیں پہچانتا</translation>
    </message>
    <message>
        <source>is older than the list kept here</source>
        <translation>یہاں محفوظ فہرست سے پرانی ہے</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>حد سے باہر ہے</translation>
    </message>
    <message>
        <source>is registered at another campus</source>
        <translation>کسی اور کیمپس میں رجسٹرڈ ہے</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>درکار ہے</translation>
    </message>
    <message>
        <source>is required for a student account</source>
        <translation>طالب علم کے اکاؤنٹ کے لیے درکار ہے</translation>
    </message>
    <message>
        <source>is revoked and cannot be {action}</source>
        <translation>منسوخ ہو چکی ہے اور {action} نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>is shorter than 20 characters</source>
        <translation>20 حروف سے کم ہے</translation>
    </message>
    <message>
        <source>is shorter than {minimum} characters</source>
        <translation>{minimum} حروف سے کم ہے</translation>
    </message>
    <message>
        <source>is still a draft</source>
        <translation>ابھی مسودہ ہے</translation>
    </message>
    <message>
        <source>is suspended and cannot be {action}</source>
        <translation>معطل ہے اور {action} نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>is the same as the user name</source>
        <translation>صارف کے نام جیسا ہے</translation>
    </message>
    <message>
        <source>is your own account</source>
        <translation>آپ کا اپنا اکاؤنٹ ہے</translation>
    </message>
    <message>
        <source>is {length} characters</source>
        <translation>{length} حروف کا ہے</translation>
    </message>
    <message>
        <source>is {length} characters long</source>
        <translation>{length} حروف طویل ہے</translation>
    </message>
    <message>
        <source>is {megabytes} MB</source>
        <translation>اس کا سائز {megabytes} MB ہے</translation>
    </message>
    <message>
        <source>is {size} MB, more than the {limit} MB allowed</source>
        <translation>{size} MB کی ہے، اجازت شدہ {limit} MB سے زیادہ</translation>
    </message>
    <message>
        <source>is {status} and can no longer change</source>
        <translation>{status} ہے اور اب تبدیل نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>makes the learner {age} years old</source>
        <translation>اس کے مطابق طالب علم کی عمر {age} سال بنتی ہے</translation>
    </message>
    <message>
        <source>may not {doing}</source>
        <translation>اس کردار کو {doing} کی اجازت نہیں</translation>
    </message>
    <message>
        <source>must be 1–32 capital letters, digits or dashes</source>
        <translation>اسے ⁦1–32⁩ بڑے انگریزی حروف، ہندسوں یا ڈیش پر مشتمل ہونا چاہیے</translation>
    </message>
    <message>
        <source>must be 1–40 letters, digits, dashes, dots or slashes</source>
        <translation>اسے ⁦1–40⁩ حروف، ہندسوں، ڈیش، نقطوں یا سلیش پر مشتمل ہونا چاہیے</translation>
    </message>
    <message>
        <source>must be 2–40 letters, digits, dots, dashes or underscores</source>
        <translation>اسے ⁦2–40⁩ حروف، ہندسوں، نقطوں، ڈیش یا انڈر اسکور پر مشتمل ہونا چاہیے</translation>
    </message>
    <message>
        <source>must rise in points from the first level to the last</source>
        <translation>ان کے نمبر پہلی سطح سے آخری سطح تک بڑھتے جانے چاہییں</translation>
    </message>
    <message>
        <source>name fewer than two micro-credentials</source>
        <translation>ان میں دو سے کم مائیکرو اسناد ہیں</translation>
    </message>
    <message>
        <source>needs a campus</source>
        <translation>اس کے لیے کیمپس درکار ہے</translation>
    </message>
    <message>
        <source>no CNIC starts with 0</source>
        <translation>کوئی شناختی کارڈ نمبر 0 سے شروع نہیں ہوتا</translation>
    </message>
    <message>
        <source>records are written at head office only</source>
        <translation>یہ ریکارڈ صرف ہیڈ آفس میں درج کیے جاتے ہیں</translation>
    </message>
    <message>
        <source>repeats row {row} of this file</source>
        <translation>اس فائل کی قطار {row} میں بھی موجود ہے</translation>
    </message>
    <message>
        <source>says it is {encoding} but is damaged at byte {byte}</source>
        <translation>اس کے مطابق انکوڈنگ {encoding} ہے، لیکن یہ بائٹ {byte} پر خراب ہے</translation>
    </message>
    <message>
        <source>was already replaced by {serial}</source>
        <translation>اس کی جگہ پہلے ہی {serial} جاری ہو چکی ہے</translation>
    </message>
    <message>
        <source>was already revoked on {day}</source>
        <translation>{day} کو پہلے ہی منسوخ ہو چکا ہے</translation>
    </message>
    <message>
        <source>was issued and can no longer change</source>
        <translation>جاری ہو چکی ہے اور اب تبدیل نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>was never certified here</source>
        <translation>یہاں کبھی تصدیق نہیں ہوئی</translation>
    </message>
    <message>
        <source>was never issued here</source>
        <translation>یہاں کبھی جاری نہیں ہوئی</translation>
    </message>
    <message>
        <source>was taken by another issue at the same time</source>
        <translation>اسی وقت کسی اور اجرا نے لے لیا</translation>
    </message>
    <message>
        <source>was written by a newer Sanad (it has migration {migration})</source>
        <translation>سند کے نئے ورژن نے لکھا ہے (اس میں مائیگریشن {migration} ہے)</translation>
    </message>
    <message>
        <source>works at another campus</source>
        <translation>کسی اور کیمپس میں کام کرتا ہے</translation>
    </message>
    <message>
        <source>would exceed the {limit} entries of the campus&apos;s status list</source>
        <translation>کیمپس کی حیثیت فہرست کے {limit} اندراجات سے بڑھ جائے گی</translation>
    </message>
    <message>
        <source>would have nobody to mark its work</source>
        <translation>کے کام کی جانچ کے لیے کوئی نہیں رہے گا</translation>
    </message>
    <message>
        <source>would take away your own admin rights</source>
        <translation>اس سے آپ کے اپنے منتظم کے اختیارات ختم ہو جائیں گے</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>{items} or {last}</source>
        <translation>{items} یا {last}</translation>
    </message>
    <message>
        <source>{problem}. {remedy}.</source>
        <translation>{problem}۔ {remedy}۔</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <source>“{value}”</source>
        <translation>«{value}»</translation>
    </message>
    <message>
        <source>{field} {value}: {problem}. {remedy}.</source>
        <translation>{field} {value}: {problem}۔ {remedy}۔</translation>
    </message>
</context>
<context>
    <name>RevokeStationDialog</name>
    <message>
        <source>Revoke a lab station</source>
        <translation>لیب اسٹیشن منسوخ کریں</translation>
    </message>
    <message>
        <source>Revoke {name}? It can no longer sync with this hub and is told why. What it already holds stays on it. If this is a mistake, join it again with a new code.</source>
        <translation>{name} منسوخ کریں؟ یہ اس ہب سے مزید ہم آہنگ نہیں ہو سکے گا اور اسے وجہ بتا دی جائے گی۔ جو کچھ اس میں پہلے سے ہے وہ اسی پر رہے گا۔ اگر یہ غلطی ہو تو اسے نئے کوڈ سے دوبارہ جوڑ دیں۔</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>e.g. the computer was stolen</source>
        <translation>مثلاً کمپیوٹر چوری ہو گیا</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>وجہ (&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>منسوخ کریں (&amp;V)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ نہ کریں</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>یہ کمپیوٹر</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>زبان (&amp;L)</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>نئی زبان اگلی بار سند کھولنے پر استعمال ہو گی۔</translation>
    </message>
    <message>
        <source>Lock after minutes without use</source>
        <translation>اتنے منٹ استعمال نہ ہونے پر تالا لگائیں</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source>Lock &amp;after</source>
        <translation>تالا لگنے کا وقفہ (&amp;A)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>شواہد</translation>
    </message>
    <message>
        <source>Largest evidence file, in MB</source>
        <translation>سب سے بڑی شواہد فائل، MB میں</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest e&amp;vidence file</source>
        <translation>سب سے بڑی شواہد فائل (&amp;V)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>بیک اپ</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>بیک اپ فولڈر</translation>
    </message>
    <message>
        <source>A folder on a USB drive or another disk</source>
        <translation>یو ایس بی ڈرائیو یا کسی اور ڈسک پر فولڈر</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>تلاش کریں… (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>فولڈر (&amp;F)</translation>
    </message>
    <message>
        <source>Back up &amp;every day</source>
        <translation>ہر روز بیک اپ بنائیں (&amp;E)</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>رکھے جانے والے بیک اپ</translation>
    </message>
    <message>
        <source>&amp;Keep the newest</source>
        <translation>تازہ ترین رکھیں (&amp;K)</translation>
    </message>
    <message>
        <source>Backups in the folder</source>
        <translation>فولڈر میں موجود بیک اپ</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>بنا</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>حجم</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>ابھی بیک اپ بنائیں (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>بحال کریں… (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>بیک اپ فولڈر منتخب کریں</translation>
    </message>
    <message>
        <source>Choose a folder for the backups first.</source>
        <translation>پہلے بیک اپ کے لیے فولڈر منتخب کریں۔</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>بیک اپ بن رہا ہے…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>بیک اپ بحال کریں</translation>
    </message>
    <message>
        <source>Restore the backup made {made}? Everything entered since then is replaced by the backup. The database as it is now is kept beside it, so this can be undone.</source>
        <translation>{made} کو بنا بیک اپ بحال کریں؟ اس کے بعد درج کیا گیا سب کچھ بیک اپ سے بدل جائے گا۔ ڈیٹا بیس کی موجودہ حالت اس کے ساتھ محفوظ رکھی جائے گی، اس لیے یہ عمل واپس ہو سکتا ہے۔</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>بیک اپ بحال ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Restored. The database as it was is kept as {name}.</source>
        <translation>بحال ہو گیا۔ ڈیٹا بیس کی پچھلی حالت {name} کے نام سے محفوظ ہے۔</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share {serial}</source>
        <translation>{serial} شیئر کریں</translation>
    </message>
    <message>
        <source>These links work when the learner, or whoever they send them to, is online: the verification page shows whether the credential is valid today. The PDF and the JSON file are the learner&apos;s to keep; the PDF&apos;s QR code is checked even offline.</source>
        <translation>یہ لنک اس وقت کام کرتے ہیں جب طالب علم، یا جسے وہ بھیجے، آن لائن ہو: تصدیق کا صفحہ بتاتا ہے کہ سند آج معتبر ہے یا نہیں۔ PDF اور JSON فائل طالب علم کی ہیں، وہ انہیں اپنے پاس رکھے؛ PDF کا QR کوڈ آف لائن بھی جانچا جا سکتا ہے۔</translation>
    </message>
    <message>
        <source>Verification link</source>
        <translation>تصدیق کا لنک</translation>
    </message>
    <message>
        <source>Copy the &amp;verification link</source>
        <translation>تصدیق کا لنک کاپی کریں (&amp;V)</translation>
    </message>
    <message>
        <source>Add to LinkedIn profile</source>
        <translation>LinkedIn پروفائل میں شامل کریں</translation>
    </message>
    <message>
        <source>Copy the &amp;LinkedIn link</source>
        <translation>LinkedIn کا لنک کاپی کریں (&amp;L)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>کاپی ہو گیا۔</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Sanad</source>
        <translation>سند میں سائن اِن کریں</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>صارف کا نام (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>سائن اِن کا پیغام</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>سائن اِن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Type your user name and your password.</source>
        <translation>اپنا صارف نام اور پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>The user name and password do not match an account. Check both (is Caps Lock on?).</source>
        <translation>یہ صارف نام اور پاس ورڈ کسی اکاؤنٹ سے نہیں ملتے۔ دونوں دوبارہ دیکھیں (کیا Caps Lock آن ہے؟)۔</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask the campus focal person.</source>
        <translation>یہ اکاؤنٹ غیر فعال ہے۔ کیمپس کے فوکل پرسن سے رابطہ کریں۔</translation>
    </message>
    <message>
        <source>Could not check the password: {error}</source>
        <translation>پاس ورڈ جانچا نہیں جا سکا: {error}</translation>
    </message>
</context>
<context>
    <name>SigningKeySteps</name>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>{file} محفوظ کی جا رہی ہے…</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>پھر بھی بند کریں؟</translation>
    </message>
</context>
<context>
    <name>SigningKeys</name>
    <message>
        <source>{file} is a certificate, not a request: it goes back to the campus, which installs it.</source>
        <translation>{file} سرٹیفکیٹ ہے، درخواست نہیں: یہ کیمپس کو واپس جاتا ہے، جو اسے انسٹال کرتا ہے۔</translation>
    </message>
    <message>
        <source>{file} is this campus&apos;s request, not a certificate: send it to head office, which certifies it and sends a certificate file back.</source>
        <translation>{file} اس کیمپس کی درخواست ہے، سرٹیفکیٹ نہیں: اسے ہیڈ آفس بھیجیں، جو تصدیق کر کے سرٹیفکیٹ کی فائل واپس بھیجتا ہے۔</translation>
    </message>
    <message>
        <source>{file} is not a key certificate request made by Sanad. Choose the request file the campus sent.</source>
        <translation>{file} سند کی بنائی ہوئی کلید کے سرٹیفکیٹ کی درخواست نہیں۔ کیمپس کی بھیجی ہوئی درخواست کی فائل منتخب کریں۔</translation>
    </message>
    <message>
        <source>{file} is not a key certificate made by Sanad. Choose the certificate file head office sent back.</source>
        <translation>{file} سند کا بنایا ہوا کلید کا سرٹیفکیٹ نہیں۔ ہیڈ آفس کی واپس بھیجی ہوئی سرٹیفکیٹ کی فائل منتخب کریں۔</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}). Choose another place, such as a USB drive with room on it.</source>
        <translation>{file} لکھی نہ جا سکی ({reason})۔ کوئی اور جگہ منتخب کریں، جیسے یو ایس بی ڈرائیو جس میں گنجائش ہو۔</translation>
    </message>
    <message>
        <source>{file} could not be read as a Sanad file ({reason}).</source>
        <translation>{file} سند کی فائل کے طور پر پڑھی نہ جا سکی ({reason})۔</translation>
    </message>
</context>
<context>
    <name>SigningKeysDialog</name>
    <message>
        <source>Signing keys</source>
        <translation>دستخطی کلیدیں</translation>
    </message>
    <message>
        <source>Demonstration data: the keys made here are demonstration keys. Certificates made with them are not valid: do not send them to anyone or use them for real learners.</source>
        <translation>نمونے کا ڈیٹا: یہاں بننے والی کلیدیں نمونے کی ہیں۔ ان سے بنے سرٹیفکیٹ معتبر نہیں: انہیں کسی کو نہ بھیجیں اور نہ اصل طلبہ کے لیے استعمال کریں۔</translation>
    </message>
    <message>
        <source>Reading the keys…</source>
        <translation>کلیدیں پڑھی جا رہی ہیں…</translation>
    </message>
    <message>
        <source>Copy the &amp;root key</source>
        <translation>روٹ کلید کاپی کریں (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Make the root key…</source>
        <translation>روٹ کلید بنائیں… (&amp;M)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>عوامی کلید</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>بنی</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>سرٹیفکیٹ</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>ریٹائر</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>زیرِ استعمال</translation>
    </message>
    <message>
        <source>Signing keys of this computer</source>
        <translation>اس کمپیوٹر کی دستخطی کلیدیں</translation>
    </message>
    <message>
        <source>Co&amp;py public key</source>
        <translation>عوامی کلید کاپی کریں (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Certify a campus request…</source>
        <translation>کیمپس کی درخواست کی تصدیق کریں… (&amp;C)</translation>
    </message>
    <message>
        <source>Make a campus &amp;key and request…</source>
        <translation>کیمپس کلید اور درخواست بنائیں… (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Install certificate…</source>
        <translation>سرٹیفکیٹ انسٹال کریں… (&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>National root</source>
        <translation>قومی روٹ</translation>
    </message>
    <message>
        <source>Campus issuer key</source>
        <translation>کیمپس کی اجرا کلید</translation>
    </message>
    <message>
        <source>Not needed: the root is the trust anchor</source>
        <translation>ضرورت نہیں: روٹ خود اعتماد کی بنیاد ہے</translation>
    </message>
    <message>
        <source>Not certified yet — send the request file to head office</source>
        <translation>ابھی تصدیق شدہ نہیں — درخواست کی فائل ہیڈ آفس بھیجیں</translation>
    </message>
    <message>
        <source>Ended {until} (was from {start})</source>
        <translation>{until} کو ختم ہوا ({start} سے تھا)</translation>
    </message>
    <message>
        <source>From {start} until {until}</source>
        <translation>{start} سے {until} تک</translation>
    </message>
    <message>
        <source>This is head office&apos;s computer. Its root key certifies the key of each campus: a certificate says from when until when a campus key may sign credentials.</source>
        <translation>یہ ہیڈ آفس کا کمپیوٹر ہے۔ اس کی روٹ کلید ہر کیمپس کی کلید کی تصدیق کرتی ہے: سرٹیفکیٹ بتاتا ہے کہ کیمپس کی کلید کب سے کب تک اسناد پر دستخط کر سکتی ہے۔</translation>
    </message>
    <message>
        <source>Root public key — the trust anchor</source>
        <translation>روٹ کی عوامی کلید — اعتماد کی بنیاد</translation>
    </message>
    <message>
        <source>Every campus types this key in when it installs its certificate: it is how they know the certificate is head office&apos;s. Give it to them by a way you trust — on paper or by telephone — not only in the e-mail that carries the certificate.</source>
        <translation>ہر کیمپس اپنا سرٹیفکیٹ انسٹال کرتے وقت یہ کلید لکھتا ہے: اسی سے اسے معلوم ہوتا ہے کہ سرٹیفکیٹ ہیڈ آفس کا ہے۔ یہ انہیں کسی قابلِ اعتماد ذریعے سے دیں — کاغذ پر یا ٹیلی فون پر — صرف اسی ای میل میں نہیں جس میں سرٹیفکیٹ جائے۔</translation>
    </message>
    <message>
        <source>There is no root key yet. Make it once, on this computer. Keep its passphrase safe: nobody can recover it, and without it no campus can be certified.</source>
        <translation>ابھی کوئی روٹ کلید نہیں۔ اسے ایک بار، اسی کمپیوٹر پر بنائیں۔ اس کا پاس فریز محفوظ رکھیں: کوئی اسے واپس نہیں لا سکتا، اور اس کے بغیر کسی کیمپس کی تصدیق نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <source>To sign credentials, this campus needs a key certified by head office:
1. Make a campus key and request here.
2. Send the request file to head office on a USB drive or by e-mail.
3. Install the certificate they send back, with the root public key they give you on paper or by telephone.</source>
        <translation>اسناد پر دستخط کے لیے اس کیمپس کو ہیڈ آفس کی تصدیق شدہ کلید چاہیے:
۱۔ یہاں کیمپس کلید اور درخواست بنائیں۔
۲۔ درخواست کی فائل یو ایس بی ڈرائیو یا ای میل کے ذریعے ہیڈ آفس بھیجیں۔
۳۔ وہ جو سرٹیفکیٹ واپس بھیجیں اسے انسٹال کریں، اس روٹ عوامی کلید کے ساتھ جو وہ آپ کو کاغذ پر یا ٹیلی فون پر دیں۔</translation>
    </message>
    <message>
        <source>Head office&apos;s root public key</source>
        <translation>ہیڈ آفس کی روٹ عوامی کلید</translation>
    </message>
    <message>
        <source>Installed with the certificate: credentials are checked against it.</source>
        <translation>سرٹیفکیٹ کے ساتھ انسٹال ہوئی: اسناد اسی سے جانچی جاتی ہیں۔</translation>
    </message>
    <message>
        <source>Not installed yet: you type it in with the first certificate.</source>
        <translation>ابھی انسٹال نہیں: آپ اسے پہلے سرٹیفکیٹ کے ساتھ لکھیں گے۔</translation>
    </message>
    <message>
        <source>The public key is copied.</source>
        <translation>عوامی کلید کاپی ہو گئی۔</translation>
    </message>
    <message>
        <source>The root public key is copied.</source>
        <translation>روٹ کی عوامی کلید کاپی ہو گئی۔</translation>
    </message>
    <message>
        <source>Sanad key files (*.json)</source>
        <translation>سند کی کلیدی فائلیں (*.json)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} پڑھی جا رہی ہے…</translation>
    </message>
    <message>
        <source>The root key is made. Give every campus its public key, shown above, by a way you trust: on paper or by telephone.</source>
        <translation>روٹ کلید بن گئی۔ اس کی عوامی کلید، جو اوپر دکھائی گئی ہے، ہر کیمپس کو کسی قابلِ اعتماد ذریعے سے دیں: کاغذ پر یا ٹیلی فون پر۔</translation>
    </message>
    <message>
        <source>The campus key is made and its request saved as {file}. Send that file to head office on a USB drive or by e-mail, then install the certificate they send back.</source>
        <translation>کیمپس کلید بن گئی اور اس کی درخواست {file} کے نام سے محفوظ ہو گئی۔ یہ فائل یو ایس بی ڈرائیو یا ای میل کے ذریعے ہیڈ آفس بھیجیں، پھر وہ جو سرٹیفکیٹ واپس بھیجیں اسے انسٹال کریں۔</translation>
    </message>
    <message>
        <source>Choose the request file a campus sent</source>
        <translation>کیمپس کی بھیجی ہوئی درخواست کی فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Certified {campus} from {start} until {until}. The certificate is saved as {file}: send it back to the campus, and give them the root public key on paper or by telephone.</source>
        <translation>{campus} کی تصدیق {start} سے {until} تک کر دی گئی۔ سرٹیفکیٹ {file} کے نام سے محفوظ ہے: اسے کیمپس کو واپس بھیجیں، اور روٹ کی عوامی کلید انہیں کاغذ پر یا ٹیلی فون پر دیں۔</translation>
    </message>
    <message>
        <source>Choose the certificate file from head office</source>
        <translation>ہیڈ آفس سے آئی سرٹیفکیٹ کی فائل منتخب کریں</translation>
    </message>
    <message>
        <source>Installed: this campus&apos;s key is certified from {start} until {until}.</source>
        <translation>انسٹال ہو گیا: اس کیمپس کی کلید {start} سے {until} تک تصدیق شدہ ہے۔</translation>
    </message>
</context>
<context>
    <name>StationCodeDialog</name>
    <message>
        <source>New station code</source>
        <translation>اسٹیشن کا نیا کوڈ</translation>
    </message>
    <message>
        <source>It works once, until {time}.</source>
        <translation>یہ صرف ایک بار، {time} تک کام کرے گا۔</translation>
    </message>
    <message>
        <source>At the lab station, start Sanad and choose “Join a campus hub (this is a lab station)”. Type this hub&apos;s address and the code:</source>
        <translation>لیب اسٹیشن پر سند کھولیں اور «کیمپس ہب سے جڑیں، یہ لیب اسٹیشن ہے» چنیں۔ اس ہب کا پتا اور یہ کوڈ لکھیں:</translation>
    </message>
    <message>
        <source>This computer is not serving lab stations yet: turn on “Serve lab stations on this network” first. Then, at the lab station, start Sanad, choose “Join a campus hub (this is a lab station)” and type this hub&apos;s address and the code.</source>
        <translation>یہ کمپیوٹر ابھی لیب اسٹیشنوں کو خدمت نہیں دے رہا: پہلے «اس نیٹ ورک پر لیب اسٹیشنوں کو خدمت دیں» چالو کریں۔ پھر لیب اسٹیشن پر سند کھولیں، «کیمپس ہب سے جڑیں، یہ لیب اسٹیشن ہے» چنیں اور اس ہب کا پتا اور یہ کوڈ لکھیں۔</translation>
    </message>
    <message>
        <source>&amp;Copy the code</source>
        <translation>کوڈ کاپی کریں (&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Status of {name}</source>
        <translation>{name} کی حیثیت</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>اب</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>نئی حیثیت</translation>
    </message>
    <message>
        <source>&amp;Change to</source>
        <translation>تبدیل کر کے (&amp;C)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>وجہ (&amp;R)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچہ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>This status is final; an assessment decides it.</source>
        <translation>یہ حیثیت حتمی ہے؛ اس کا فیصلہ جانچ سے ہوتا ہے۔</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>{name} کا تاریخچہ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
</context>
<context>
    <name>StudentWindow</name>
    <message>
        <source>Sanad — {name}</source>
        <translation>سند — {name}</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>سائن آؤٹ (&amp;O)</translation>
    </message>
    <message>
        <source>Your enrolments</source>
        <translation>آپ کے داخلے</translation>
    </message>
    <message>
        <source>S&amp;ubmit this attempt</source>
        <translation>یہ کوشش جمع کرائیں (&amp;U)</translation>
    </message>
    <message>
        <source>Attempts and feedback</source>
        <translation>کوششیں اور رائے</translation>
    </message>
    <message>
        <source>My &amp;enrolments</source>
        <translation>میرے داخلے (&amp;E)</translation>
    </message>
    <message>
        <source>My &amp;certificates</source>
        <translation>میرے سرٹیفکیٹ (&amp;C)</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>سائن اِن: {name}</translation>
    </message>
    <message>
        <source>You are not enrolled in any micro-credential yet.</source>
        <translation>آپ ابھی کسی مائیکرو سند میں داخل نہیں۔</translation>
    </message>
    <message>
        <source>{code} {title}, cohort {cohort}: {status}, attempt {attempt}</source>
        <translation>{code} {title}، بیچ {cohort}: {status}، کوشش {attempt}</translation>
    </message>
    <message>
        <source>Nothing added yet.</source>
        <translation>ابھی کچھ شامل نہیں کیا۔</translation>
    </message>
    <message>
        <source>Add a file… (or drop it here)</source>
        <translation>فائل شامل کریں… (یا یہاں چھوڑیں)</translation>
    </message>
    <message>
        <source>Add a link…</source>
        <translation>لنک شامل کریں…</translation>
    </message>
    <message>
        <source>Write a reflection…</source>
        <translation>جائزہ لکھیں…</translation>
    </message>
    <message numerus="yes">
        <source>Attempt {n}: %n piece(s) of evidence</source>
        <translation>
            <numerusform>کوشش {n}: %n ثبوت</numerusform>
            <numerusform>کوشش {n}: %n ثبوت</numerusform>
        </translation>
    </message>
    <message>
        <source>{decision} — {feedback} ({marker})</source>
        <translation>{decision} — {feedback} ({marker})</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>فائل: {name}</translation>
    </message>
    <message>
        <source>Link: {url}</source>
        <translation>لنک: {url}</translation>
    </message>
    <message>
        <source>Reflection: {start}</source>
        <translation>جائزہ: {start}</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>فائلیں شامل کریں</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>%n فائل شامل ہو رہی ہے…</numerusform>
            <numerusform>%n فائلیں شامل ہو رہی ہیں…</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation>لنک شامل کریں</translation>
    </message>
    <message>
        <source>Web address (https://…)</source>
        <translation>ویب پتہ (https://…)</translation>
    </message>
    <message>
        <source>Write a reflection</source>
        <translation>جائزہ لکھیں</translation>
    </message>
    <message>
        <source>What did you do, and what did you learn?</source>
        <translation>آپ نے کیا کیا، اور کیا سیکھا؟</translation>
    </message>
    <message>
        <source>Submit this attempt</source>
        <translation>یہ کوشش جمع کرائیں</translation>
    </message>
    <message>
        <source>Submit this attempt for marking? You cannot add to it afterwards.</source>
        <translation>یہ کوشش جانچ کے لیے جمع کرائیں؟ اس کے بعد آپ اس میں کچھ شامل نہیں کر سکیں گے۔</translation>
    </message>
    <message>
        <source>Submitted for marking.</source>
        <translation>جانچ کے لیے جمع ہو گئی۔</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>شامل ہو گیا۔</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync &amp;status</source>
        <translation>ہم آہنگی کی کیفیت (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lab stations</source>
        <translation>لیب اسٹیشن (&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;onflicts</source>
        <translation>تضادات (&amp;O)</translation>
    </message>
    <message>
        <source>This computer has not joined head office yet. Join with the registry&apos;s address and the one-time code head office gave you; until then, carry changes on a USB drive.</source>
        <translation>یہ کمپیوٹر ابھی ہیڈ آفس سے نہیں جڑا۔ ہیڈ آفس کی دی ہوئی رجسٹری کے پتے اور ایک بار کے کوڈ سے جڑیں؛ تب تک تبدیلیاں USB ڈرائیو پر لے جائیں۔</translation>
    </message>
    <message>
        <source>&amp;Join head office…</source>
        <translation>ہیڈ آفس سے جڑیں… (&amp;J)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>ابھی ہم آہنگ کریں (&amp;N)</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>ہم آہنگی کی پیش رفت</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>روکیں (&amp;C)</translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation>خودکار ہم آہنگیوں کے درمیان منٹ</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>صرف کہنے پر</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source>Sync automatically &amp;every</source>
        <translation>خودکار ہم آہنگی ہر (&amp;E)</translation>
    </message>
    <message>
        <source>USB drive</source>
        <translation>USB ڈرائیو</translation>
    </message>
    <message>
        <source>No network? Export a bundle, carry it on a USB drive to the other computer and import it there; its reply comes back the same way. A bundle is signed: a changed or cut one is refused whole.</source>
        <translation>نیٹ ورک نہیں؟ بنڈل برآمد کریں، اسے USB ڈرائیو پر دوسرے کمپیوٹر تک لے جائیں اور وہاں درآمد کریں؛ اس کا جواب اسی طرح واپس آتا ہے۔ بنڈل پر دستخط ہوتے ہیں: بدلا ہوا یا ادھورا بنڈل پورا رد کر دیا جاتا ہے۔</translation>
    </message>
    <message>
        <source>E&amp;xport bundle…</source>
        <translation>بنڈل برآمد کریں… (&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation>بنڈل درآمد کریں… (&amp;I)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>Edit kept aside, from</source>
        <translation>الگ رکھی گئی ترمیم، کہاں سے</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>ہم آہنگی کے تضادات</translation>
    </message>
    <message>
        <source>C&amp;onflicts ({count})</source>
        <translation>تضادات ({count}) (&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were edited in two places at once. The newer edit was kept everywhere; the one listed here was kept aside for you to review.</source>
        <translation>
            <numerusform>%n ریکارڈ میں ایک ہی وقت دو جگہ ترمیم ہوئی۔ نئی ترمیم ہر جگہ رکھی گئی؛ یہاں درج ترمیم آپ کے جائزے کے لیے الگ رکھی گئی ہے۔</numerusform>
            <numerusform>%n ریکارڈز میں ایک ہی وقت دو جگہ ترمیم ہوئی۔ نئی ترمیم ہر جگہ رکھی گئی؛ یہاں درج ترامیم آپ کے جائزے کے لیے الگ رکھی گئی ہیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: no record was edited in two places at once.</source>
        <translation>کوئی تضاد نہیں: کسی ریکارڈ میں ایک ہی وقت دو جگہ ترمیم نہیں ہوئی۔</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>رک رہا ہے…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>تبدیلیاں بھیجی جا رہی ہیں…</translation>
    </message>
    <message>
        <source>Receiving changes…</source>
        <translation>تبدیلیاں وصول ہو رہی ہیں…</translation>
    </message>
    <message>
        <source>Sending evidence files…</source>
        <translation>ثبوت کی فائلیں بھیجی جا رہی ہیں…</translation>
    </message>
    <message>
        <source>Joined head office. The first sync sends this campus&apos;s records.</source>
        <translation>ہیڈ آفس سے جڑ گئے۔ پہلی ہم آہنگی اس کیمپس کا ریکارڈ بھیجتی ہے۔</translation>
    </message>
    <message>
        <source>Export a bundle</source>
        <translation>بنڈل برآمد کریں</translation>
    </message>
    <message>
        <source>Sanad bundles (*.sanad)</source>
        <translation>سند کے بنڈل (*.sanad)</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>بنڈل درآمد کریں</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>بنڈل لکھا جا رہا ہے…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote {file}: %n change(s). Carry it to the other computer and import it there.</source>
        <translation>
            <numerusform>{file} لکھ دیا: %n تبدیلی۔ اسے دوسرے کمپیوٹر تک لے جا کر وہاں درآمد کریں۔</numerusform>
            <numerusform>{file} لکھ دیا: %n تبدیلیاں۔ اسے دوسرے کمپیوٹر تک لے جا کر وہاں درآمد کریں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking and applying the bundle…</source>
        <translation>بنڈل جانچا اور لاگو کیا جا رہا ہے…</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>کچھ درآمد نہیں ہوا: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Imported {file}: %n change(s), {applied} new, {skipped} already here, {refused} refused.</source>
        <translation>
            <numerusform>{file} درآمد ہو گیا: %n تبدیلی، {applied} نئی، {skipped} پہلے سے موجود، {refused} رد۔</numerusform>
            <numerusform>{file} درآمد ہو گیا: %n تبدیلیاں، {applied} نئی، {skipped} پہلے سے موجود، {refused} رد۔</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Syncing…</source>
        <translation>ہم آہنگی ہو رہی ہے…</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message numerus="yes">
        <source>{problem} — %n change(s) waiting, will retry at {time}</source>
        <translation>
            <numerusform>{problem} — %n تبدیلی منتظر، {time} پر دوبارہ کوشش ہو گی</numerusform>
            <numerusform>{problem} — %n تبدیلیاں منتظر، {time} پر دوبارہ کوشش ہو گی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{problem} — %n change(s) waiting; sync again once it is put right</source>
        <translation>
            <numerusform>{problem} — %n تبدیلی منتظر؛ مسئلہ درست ہونے پر دوبارہ ہم آہنگ کریں</numerusform>
            <numerusform>{problem} — %n تبدیلیاں منتظر؛ مسئلہ درست ہونے پر دوبارہ ہم آہنگ کریں</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n منٹ</numerusform>
            <numerusform>%n منٹ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n گھنٹہ</numerusform>
            <numerusform>%n گھنٹے</numerusform>
        </translation>
    </message>
    <message>
        <source>unreachable (no connection)</source>
        <translation>تک رسائی نہیں (کنکشن نہیں)</translation>
    </message>
    <message>
        <source>unreachable (nothing moved for too long)</source>
        <translation>تک رسائی نہیں (دیر تک کچھ نہیں آیا)</translation>
    </message>
    <message>
        <source>the sync was cancelled; it continues from here next time</source>
        <translation>ہم آہنگی روک دی گئی؛ اگلی بار یہیں سے جاری ہو گی</translation>
    </message>
    <message>
        <source>this computer has not joined a hub or the registry yet</source>
        <translation>یہ کمپیوٹر ابھی کسی ہب یا رجسٹری سے نہیں جڑا</translation>
    </message>
    <message>
        <source>Head office {error}</source>
        <translation>ہیڈ آفس {error}</translation>
    </message>
    <message>
        <source>The campus hub {error}</source>
        <translation>کیمپس ہب {error}</translation>
    </message>
    <message>
        <source>Head office: {error}</source>
        <translation>ہیڈ آفس: {error}</translation>
    </message>
    <message>
        <source>The campus hub: {error}</source>
        <translation>کیمپس ہب: {error}</translation>
    </message>
    <message>
        <source>{problem} — last synced {time}</source>
        <translation>{problem} — آخری ہم آہنگی {time}</translation>
    </message>
    <message>
        <source>{problem} — not synced yet</source>
        <translation>{problem} — ابھی ہم آہنگی نہیں ہوئی</translation>
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation>آخری ہم آہنگی {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>ابھی ہم آہنگی نہیں ہوئی</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} behind head office&apos;s: set its date and time, or the dates it writes will be wrong.</source>
        <translation>اس کمپیوٹر کی گھڑی ہیڈ آفس کی گھڑی سے {amount} پیچھے ہے: اس کی تاریخ اور وقت درست کریں، ورنہ یہ غلط تاریخیں لکھے گا۔</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} behind the campus hub&apos;s: set its date and time, or the dates it writes will be wrong.</source>
        <translation>اس کمپیوٹر کی گھڑی کیمپس ہب کی گھڑی سے {amount} پیچھے ہے: اس کی تاریخ اور وقت درست کریں، ورنہ یہ غلط تاریخیں لکھے گا۔</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} ahead of head office&apos;s: set its date and time, or the dates it writes will be wrong.</source>
        <translation>اس کمپیوٹر کی گھڑی ہیڈ آفس کی گھڑی سے {amount} آگے ہے: اس کی تاریخ اور وقت درست کریں، ورنہ یہ غلط تاریخیں لکھے گا۔</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} ahead of the campus hub&apos;s: set its date and time, or the dates it writes will be wrong.</source>
        <translation>اس کمپیوٹر کی گھڑی کیمپس ہب کی گھڑی سے {amount} آگے ہے: اس کی تاریخ اور وقت درست کریں، ورنہ یہ غلط تاریخیں لکھے گا۔</translation>
    </message>
</context>
<context>
    <name>Term</name>
    <message>
        <source>English label</source>
        <translation>انگریزی لیبل</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>انگریزی متن</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>انگریزی عنوان</translation>
    </message>
    <message>
        <source>Urdu label</source>
        <translation>اردو لیبل</translation>
    </message>
    <message>
        <source>Urdu text</source>
        <translation>اردو متن</translation>
    </message>
    <message>
        <source>Urdu title</source>
        <translation>اردو عنوان</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>منتظم</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>جانچ کار</translation>
    </message>
    <message>
        <source>campus</source>
        <translation>کیمپس</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>مسودہ</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>داخل</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <source>female</source>
        <translation>خاتون</translation>
    </message>
    <message>
        <source>file</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>مخلوط</translation>
    </message>
    <message>
        <source>in_person</source>
        <translation>بالمشافہ</translation>
    </message>
    <message>
        <source>in_progress</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>link</source>
        <translation>لنک</translation>
    </message>
    <message>
        <source>male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>national</source>
        <translation>قومی</translation>
    </message>
    <message>
        <source>online</source>
        <translation>آن لائن</translation>
    </message>
    <message>
        <source>other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>published</source>
        <translation>شائع شدہ</translation>
    </message>
    <message>
        <source>reflection</source>
        <translation>تحریری جائزہ</translation>
    </message>
    <message>
        <source>reinstated</source>
        <translation>بحال</translation>
    </message>
    <message>
        <source>resubmit</source>
        <translation>دوبارہ جمع کرانے کی ہدایت</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ریٹائرڈ</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>student</source>
        <translation>طالب علم</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>جمع شدہ</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>معطل</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>دستبردار</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>⚠ DEMONSTRATION: this computer trusts the public demonstration key, which anyone can use. This check proves nothing about a real certificate.</source>
        <translation>⚠ نمونہ: یہ کمپیوٹر نمونے کی اُس عوامی کلید پر اعتماد کرتا ہے جسے کوئی بھی استعمال کر سکتا ہے۔ یہ جانچ کسی اصل سرٹیفکیٹ کے بارے میں کچھ ثابت نہیں کرتی۔</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>معتبر</translation>
    </message>
    <message>
        <source>Not valid: changed after signing</source>
        <translation>غیر معتبر: دستخط کے بعد تبدیل کی گئی</translation>
    </message>
    <message>
        <source>Issuer not recognised</source>
        <translation>جاری کنندہ نامعلوم</translation>
    </message>
    <message>
        <source>Issuer key not valid</source>
        <translation>جاری کنندہ کی کلید غیر معتبر</translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation>ابھی معتبر نہیں</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>میعاد ختم</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>معطل</translation>
    </message>
    <message>
        <source>Status unknown (offline)</source>
        <translation>حیثیت نامعلوم (آف لائن)</translation>
    </message>
    <message>
        <source>Not a credential</source>
        <translation>یہ سند نہیں ہے</translation>
    </message>
    <message>
        <source>It is genuine: signed by a campus that head office certifies, unchanged since, and in force.</source>
        <translation>یہ اصلی ہے: اس پر ایسے کیمپس کے دستخط ہیں جس کی تصدیق ہیڈ آفس کرتا ہے، تب سے اس میں کوئی تبدیلی نہیں ہوئی، اور یہ نافذ ہے۔</translation>
    </message>
    <message>
        <source>Something in it was changed after the campus signed it, or it was never signed: do not rely on it.</source>
        <translation>کیمپس کے دستخط کے بعد اس میں کچھ بدلا گیا ہے، یا اس پر کبھی دستخط ہوئے ہی نہیں: اس پر بھروسا نہ کریں۔</translation>
    </message>
    <message>
        <source>It was not signed by a campus key that head office certifies, as far as this computer knows: do not rely on it until the issuer is confirmed.</source>
        <translation>جہاں تک اس کمپیوٹر کو معلوم ہے، اس پر کسی ایسی کیمپس کلید کے دستخط نہیں جس کی تصدیق ہیڈ آفس کرتا ہو: جب تک جاری کنندہ کی تصدیق نہ ہو، اس پر بھروسا نہ کریں۔</translation>
    </message>
    <message>
        <source>The campus key that signed it was not certified at the time, or head office has withdrawn it since: do not rely on it.</source>
        <translation>جس کیمپس کلید نے اس پر دستخط کیے، اُس وقت اس کی تصدیق نہیں تھی، یا ہیڈ آفس نے بعد میں اسے واپس لے لیا: اس پر بھروسا نہ کریں۔</translation>
    </message>
    <message>
        <source>It is genuine, but the period it is valid for has not begun yet.</source>
        <translation>یہ اصلی ہے، لیکن اس کی میعاد ابھی شروع نہیں ہوئی۔</translation>
    </message>
    <message>
        <source>It is genuine, but the period it was valid for has ended.</source>
        <translation>یہ اصلی ہے، لیکن اس کی میعاد ختم ہو چکی ہے۔</translation>
    </message>
    <message>
        <source>The campus that issued it has withdrawn it: it no longer certifies anything.</source>
        <translation>جاری کرنے والے کیمپس نے اسے منسوخ کر دیا ہے: اب یہ کسی بات کی تصدیق نہیں کرتی۔</translation>
    </message>
    <message>
        <source>The campus that issued it has set it aside while something is looked into: do not rely on it for now.</source>
        <translation>جاری کرنے والے کیمپس نے کسی معاملے کی چھان بین تک اسے معطل کر دیا ہے: فی الحال اس پر بھروسا نہ کریں۔</translation>
    </message>
    <message>
        <source>The signature and the issuer are genuine, but whether the campus has since withdrawn it cannot be checked without a newer status list.</source>
        <translation>دستخط اور جاری کنندہ اصلی ہیں، لیکن کیمپس نے بعد میں اسے منسوخ تو نہیں کیا، یہ حیثیت کی نئی فہرست کے بغیر نہیں جانچا جا سکتا۔</translation>
    </message>
    <message>
        <source>This is not a Sanad credential, certificate PDF, QR code photo or QR code text.</source>
        <translation>یہ سند ایپ کی جاری کردہ سند، سرٹیفکیٹ کی PDF، QR کوڈ کی تصویر یا QR کوڈ کا متن نہیں ہے۔</translation>
    </message>
    <message>
        <source>Nothing checked yet</source>
        <translation>ابھی کچھ نہیں جانچا گیا</translation>
    </message>
    <message>
        <source>The answer appears here: whether the certificate is genuine, unchanged and in force, and what it says.</source>
        <translation>جواب یہاں نظر آئے گا: سرٹیفکیٹ اصلی، غیر تبدیل شدہ اور نافذ ہے یا نہیں، اور اس میں کیا لکھا ہے۔</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Status as of {date}</source>
        <translation>{date} تک کی حیثیت</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>طالب علم</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>جاری کنندہ</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>سیریل نمبر</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>تاریخِ اجرا</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>کوئی اختتامی تاریخ نہیں</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Check a Sanad certificate: open its PDF, its JSON file or a photo of its QR code, or drop the file here. Or paste the QR code&apos;s text, or scan the code with a barcode scanner.</source>
        <translation>سند کا سرٹیفکیٹ جانچیں: اس کی PDF، اس کی JSON فائل یا اس کے QR کوڈ کی تصویر کھولیں، یا فائل یہاں چھوڑیں۔ یا QR کوڈ کا متن پیسٹ کریں، یا بارکوڈ اسکینر سے کوڈ اسکین کریں۔</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>فائل کھولیں… (&amp;O)</translation>
    </message>
    <message>
        <source>The QR code&apos;s text</source>
        <translation>QR کوڈ کا متن</translation>
    </message>
    <message>
        <source>The text of the QR code, starting HTTPS://</source>
        <translation>یہاں QR کوڈ کا متن، جو ⁦HTTPS://⁩ سے شروع ہوتا ہے</translation>
    </message>
    <message>
        <source>&amp;Paste or scan the QR code</source>
        <translation>QR کوڈ پیسٹ یا اسکین کریں (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>جانچیں (&amp;C)</translation>
    </message>
    <message>
        <source>Open a certificate or credential</source>
        <translation>سرٹیفکیٹ یا سند کھولیں</translation>
    </message>
    <message>
        <source>Certificates, credentials and QR photos (*.pdf *.json *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>سرٹیفکیٹ، اسناد اور QR کی تصاویر (*.pdf *.json *.png *.jpg *.jpeg);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Checked: the file {name}</source>
        <translation>جانچی گئی: فائل {name}</translation>
    </message>
    <message>
        <source>Checked: the text typed or scanned</source>
        <translation>جانچا گیا: لکھا یا اسکین کیا گیا متن</translation>
    </message>
    <message>
        <source>Not a credential</source>
        <translation>یہ سند نہیں ہے</translation>
    </message>
    <message>
        <source>{name} is {size} MB: far larger than a certificate, a credential or a photo of a QR code. Choose the certificate&apos;s own file.</source>
        <translation>{name} کا حجم {size} MB ہے: یہ کسی سرٹیفکیٹ، سند یا QR کوڈ کی تصویر سے کہیں بڑی ہے۔ سرٹیفکیٹ کی اپنی فائل منتخب کریں۔</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>جانچ نہیں ہو سکی</translation>
    </message>
    <message>
        <source>The check stopped: {reason}. Try again; if it happens again, report it.</source>
        <translation>جانچ رک گئی: {reason}۔ دوبارہ کوشش کریں؛ اگر پھر ایسا ہو تو اس کی اطلاع دیں۔</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <source>The first admin</source>
        <translation>پہلا منتظم</translation>
    </message>
    <message>
        <source>The campus focal person signs in with this account and adds the others.</source>
        <translation>کیمپس کا فوکل پرسن اس اکاؤنٹ سے سائن اِن کر کے باقی صارفین شامل کرتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>صارف کا نام (&amp;U)</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>پورا نام (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>پاس ورڈ دوبارہ (&amp;A)</translation>
    </message>
</context>
<context>
    <name>_CampusPage</name>
    <message>
        <source>Your campus</source>
        <translation>آپ کا کیمپس</translation>
    </message>
    <message>
        <source>The code starts every certificate number, e.g. QAU-2026-000123.</source>
        <translation>یہ کوڈ ہر سند کے نمبر کے شروع میں آتا ہے، مثلاً QAU-2026-000123۔</translation>
    </message>
    <message>
        <source>Campus &amp;code</source>
        <translation>کیمپس کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>Name in &amp;English</source>
        <translation>انگریزی میں نام (&amp;E)</translation>
    </message>
    <message>
        <source>Name in &amp;Urdu</source>
        <translation>اردو میں نام (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>علاقہ (&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>شہر (&amp;I)</translation>
    </message>
</context>
<context>
    <name>_CheckPage</name>
    <message>
        <source>Check every row</source>
        <translation>ہر قطار کی جانچ</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>درآمد کریں (&amp;I)</translation>
    </message>
    <message>
        <source>Checking progress</source>
        <translation>جانچ کی پیش رفت</translation>
    </message>
    <message>
        <source>Rows that will not be imported</source>
        <translation>وہ قطاریں جو درآمد نہیں ہوں گی</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>کالم</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>اندراج</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مسئلہ</translation>
    </message>
    <message>
        <source>&amp;Save the list of problems…</source>
        <translation>مسائل کی فہرست محفوظ کریں… (&amp;S)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) are ready to import.</source>
        <translation>
            <numerusform>%Ln طالب علم درآمد کے لیے تیار ہے۔</numerusform>
            <numerusform>%Ln طلبہ درآمد کے لیے تیار ہیں۔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) will be left out:</source>
        <translation>
            <numerusform>%Ln قطار شامل نہیں ہوگی:</numerusform>
            <numerusform>%Ln قطاریں شامل نہیں ہوں گی:</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the list of problems</source>
        <translation>مسائل کی فہرست محفوظ کریں</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV فائلیں (*.csv)</translation>
    </message>
    <message>
        <source>line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <source>column</source>
        <translation>کالم</translation>
    </message>
    <message>
        <source>value</source>
        <translation>قدر</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>مسئلہ</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}). Check the drive has space and is not read-only, or choose another folder.</source>
        <translation>{file} نہیں لکھی جا سکی ({reason})۔ دیکھیں کہ ڈرائیو میں جگہ ہے اور وہ صرف پڑھنے کے لیے نہیں، یا کوئی اور فولڈر چنیں۔</translation>
    </message>
</context>
<context>
    <name>_ChoicePage</name>
    <message>
        <source>Welcome to Sanad</source>
        <translation>سند میں خوش آمدید</translation>
    </message>
    <message>
        <source>Sanad keeps this campus&apos;s micro-credentials, learners and certificates on this computer, and works without internet.</source>
        <translation>سند اس کیمپس کی مائیکرو اسناد، طلبہ اور سرٹیفکیٹ اسی کمپیوٹر پر رکھتا ہے اور انٹرنیٹ کے بغیر کام کرتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Set up a new campus on this computer</source>
        <translation>اس کمپیوٹر پر نیا کیمپس ترتیب دیں (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Try the demo campus (invented people, to explore Sanad)</source>
        <translation>نمونے کا کیمپس آزمائیں، فرضی افراد کے ساتھ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Join a campus hub (this is a lab station)</source>
        <translation>کیمپس ہب سے جڑیں، یہ لیب اسٹیشن ہے (&amp;J)</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>Choose the CSV file</source>
        <translation>CSV فائل منتخب کریں</translation>
    </message>
    <message>
        <source>One learner a row, with a header row. Save it from the spreadsheet as CSV.</source>
        <translation>ہر قطار میں ایک طالب علم، اوپر عنوانات کی قطار کے ساتھ۔ اسپریڈشیٹ سے اسے CSV کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV فائل</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>تلاش کریں… (&amp;R)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV فائلیں (*.csv *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>پہلے فائل منتخب کریں۔</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>پڑھا جا رہا ہے…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read ({encoding}).</source>
        <translation>
            <numerusform>%Ln قطار پڑھی گئی ({encoding})۔</numerusform>
            <numerusform>%Ln قطاریں پڑھی گئیں ({encoding})۔</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportPage</name>
    <message>
        <source>Import</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>درآمد کی پیش رفت</translation>
    </message>
    <message>
        <source>S&amp;top the import</source>
        <translation>درآمد روکیں (&amp;T)</translation>
    </message>
    <message>
        <source>Importing… the campus stays as it was until the end.</source>
        <translation>درآمد جاری ہے… مکمل ہونے تک کیمپس کا ریکارڈ جوں کا توں رہے گا۔</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) imported.</source>
        <translation>
            <numerusform>%Ln طالب علم درآمد ہوا۔</numerusform>
            <numerusform>%Ln طلبہ درآمد ہوئے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped. Nothing was imported.</source>
        <translation>روک دیا گیا۔ کچھ بھی درآمد نہیں ہوا۔</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>کالم ملائیں</translation>
    </message>
    <message>
        <source>Sanad guessed from the headers; correct it where it is wrong.</source>
        <translation>سند نے عنوانات سے اندازہ لگایا ہے؛ جہاں غلط ہو درست کریں۔</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>فائل کی پہلی قطاریں</translation>
    </message>
    <message>
        <source>Registration number (required)</source>
        <translation>رجسٹریشن نمبر (لازمی)</translation>
    </message>
    <message>
        <source>Name (required)</source>
        <translation>نام (لازمی)</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاریخ پیدائش</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ای میل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>پروگرام</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(فائل میں نہیں)</translation>
    </message>
</context>
<context>
    <name>_StationPage</name>
    <message>
        <source>Join the campus hub</source>
        <translation>کیمپس ہب سے جڑیں</translation>
    </message>
    <message>
        <source>The focal person&apos;s computer is the campus hub. On its Sync screen, under Lab stations, it shows its address and gives a one-time code for this computer.</source>
        <translation>فوکل پرسن کا کمپیوٹر کیمپس ہب ہے۔ اس کی ہم آہنگی اسکرین پر، لیب اسٹیشن کے تحت، اس کا پتا نظر آتا ہے اور وہیں سے اس کمپیوٹر کے لیے ایک بار کا کوڈ ملتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Join the hub</source>
        <translation>ہب سے جڑیں (&amp;J)</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>ہب کا پتا</translation>
    </message>
    <message>
        <source>Hub &amp;address</source>
        <translation>ہب کا پتا (&amp;A)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>ایک بار کا کوڈ</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>ایک بار کا کوڈ (&amp;C)</translation>
    </message>
    <message>
        <source>Name of this computer</source>
        <translation>اس کمپیوٹر کا نام</translation>
    </message>
    <message>
        <source>e.g. Lab 2, PC 14</source>
        <translation>مثلاً لیب 2، پی سی 14</translation>
    </message>
    <message>
        <source>&amp;Name of this computer</source>
        <translation>اس کمپیوٹر کا نام (&amp;N)</translation>
    </message>
    <message>
        <source>This computer joined the hub, but its first sync did not finish. Join the hub again to go on: no new code is needed.</source>
        <translation>یہ کمپیوٹر ہب سے جڑ چکا ہے، مگر اس کی پہلی ہم آہنگی مکمل نہیں ہوئی۔ آگے بڑھنے کے لیے دوبارہ «ہب سے جڑیں» دبائیں: نئے کوڈ کی ضرورت نہیں۔</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Unsaved changes</source>
        <translation>غیر محفوظ تبدیلیاں</translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation>تبدیلیاں محفوظ کیے بغیر بند کریں؟</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>Sanad</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Creating the demo campus…</source>
        <translation>نمونے کا کیمپس بنایا جا رہا ہے…</translation>
    </message>
</context>
</TS>
