<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en">
<context>
    <name>CataloguePage</name>
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
        <source>national</source>
        <translation>قومی</translation>
    </message>
    <message>
        <source>campus</source>
        <translation>کیمپس</translation>
    </message>
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
        <source>&amp;Create the cohort</source>
        <translation>بیچ بنائیں (&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>CohortsPage</name>
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
        <source>Pro&amp;gramme of study</source>
        <translation>تعلیمی پروگرام (&amp;G)</translation>
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
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
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
        <source>&amp;Add a learner…</source>
        <translation>طالب علم شامل کریں… (&amp;A)</translation>
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
        <source>Locked after a while without use.</source>
        <translation>کچھ دیر استعمال نہ ہونے پر بند کر دیا گیا۔</translation>
    </message>
    <message>
        <source>Locked after a while without use: sign in to go on</source>
        <translation>کچھ دیر استعمال نہ ہونے پر بند کر دیا گیا: جاری رکھنے کے لیے سائن اِن کریں</translation>
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
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
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
        <source>&amp;Browse…</source>
        <translation>تلاش کریں… (&amp;B)</translation>
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
    <name>forms</name>
    <message>
        <source>Unsaved changes</source>
        <translation>غیر محفوظ تبدیلیاں</translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation>تبدیلیاں محفوظ کیے بغیر بند کریں؟</translation>
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
