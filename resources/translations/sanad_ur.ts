<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en">
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
        <source>Learners</source>
        <translation>طلبہ</translation>
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
        <source>This database has no campus yet.</source>
        <translation>اس ڈیٹا بیس میں ابھی کوئی کیمپس نہیں۔</translation>
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
