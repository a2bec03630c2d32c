<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en">
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
        <source>Database: {path}</source>
        <translation>ڈیٹا بیس: {path}</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>سائن اِن: {name}</translation>
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
    <name>run</name>
    <message>
        <source>Sanad</source>
        <translation>سند</translation>
    </message>
</context>
</TS>
