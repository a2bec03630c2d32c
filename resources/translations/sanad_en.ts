<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BacklogPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) waiting to be marked</source>
        <translation>
            <numerusform>%n attempt waiting to be marked</numerusform>
            <numerusform>%n attempts waiting to be marked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesPanel</name>
    <message numerus="yes">
        <source>%n certificate(s) issued to you.</source>
        <translation>
            <numerusform>%n certificate issued to you.</numerusform>
            <numerusform>%n certificates issued to you.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortsPage</name>
    <message numerus="yes">
        <source>{cohort}: %Ln learner(s)</source>
        <translation>
            <numerusform>{cohort}: %Ln learner</numerusform>
            <numerusform>{cohort}: %Ln learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message numerus="yes">
        <source>%Ln passed enrolment(s) wait for their credential</source>
        <translation>
            <numerusform>%Ln passed enrolment waits for its credential</numerusform>
            <numerusform>%Ln passed enrolments wait for their credential</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s) match</source>
        <translation>
            <numerusform>%Ln credential matches</numerusform>
            <numerusform>%Ln credentials match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s)</source>
        <translation>
            <numerusform>%Ln credential</numerusform>
            <numerusform>%Ln credentials</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message numerus="yes">
        <source>%Ln learner(s) found in the file.</source>
        <translation>
            <numerusform>%Ln learner found in the file.</numerusform>
            <numerusform>%Ln learners found in the file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolmentsPage</name>
    <message numerus="yes">
        <source>%Ln enrolment(s) match</source>
        <translation>
            <numerusform>%Ln enrolment matches</numerusform>
            <numerusform>%Ln enrolments match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrolment(s)</source>
        <translation>
            <numerusform>%Ln enrolment</numerusform>
            <numerusform>%Ln enrolments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubPanel</name>
    <message numerus="yes">
        <source>⚠ %n min behind</source>
        <translation>
            <numerusform>⚠ %n min behind</numerusform>
            <numerusform>⚠ %n min behind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n min ahead</source>
        <translation>
            <numerusform>⚠ %n min ahead</numerusform>
            <numerusform>⚠ %n min ahead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message numerus="yes">
        <source>%Ln of {total} chosen</source>
        <translation>
            <numerusform>%Ln of {total} chosen</numerusform>
            <numerusform>%Ln of {total} chosen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln credential(s) issued.</source>
        <translation>
            <numerusform>%Ln credential issued.</numerusform>
            <numerusform>%Ln credentials issued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pathway credential(s) issued.</source>
        <translation>
            <numerusform>%Ln pathway credential issued.</numerusform>
            <numerusform>%Ln pathway credentials issued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message numerus="yes">
        <source>%Ln learner(s) exported to {file}</source>
        <translation>
            <numerusform>%Ln learner exported to {file}</numerusform>
            <numerusform>%Ln learners exported to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s)</source>
        <translation>
            <numerusform>%Ln learner</numerusform>
            <numerusform>%Ln learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) match “{text}”</source>
        <translation>
            <numerusform>%Ln learner matches “{text}”</numerusform>
            <numerusform>%Ln learners match “{text}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkBox</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent. Sent {sent}, received {received} since joining.</source>
        <translation>
            <numerusform>%n change waiting to be sent. Sent {sent}, received {received} since joining.</numerusform>
            <numerusform>%n changes waiting to be sent. Sent {sent}, received {received} since joining.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by head office in the last sync:</source>
        <translation>
            <numerusform>%n change refused by head office in the last sync:</numerusform>
            <numerusform>%n changes refused by head office in the last sync:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the campus hub in the last sync:</source>
        <translation>
            <numerusform>%n change refused by the campus hub in the last sync:</numerusform>
            <numerusform>%n changes refused by the campus hub in the last sync:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkingDialog</name>
    <message numerus="yes">
        <source>%n criterion(s) still to score</source>
        <translation>
            <numerusform>%n criterion still to score</numerusform>
            <numerusform>%n criteria still to score</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkingPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To mark (%n second marking(s) done)</source>
        <translation>
            <numerusform>To mark (%n second marking done)</numerusform>
            <numerusform>To mark (%n second markings done)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n submission(s) waiting</source>
        <translation>
            <numerusform>%n submission waiting</numerusform>
            <numerusform>%n submissions waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PathwayEditor</name>
    <message numerus="yes">
        <source>%n micro-credential(s) chosen</source>
        <translation>
            <numerusform>%n micro-credential chosen</numerusform>
            <numerusform>%n micro-credentials chosen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PathwaysPanel</name>
    <message numerus="yes">
        <source>all %n</source>
        <translation>
            <numerusform>all %n</numerusform>
            <numerusform>all %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>any {count} of %n</source>
        <translation>
            <numerusform>any {count} of %n</numerusform>
            <numerusform>any {count} of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentWindow</name>
    <message numerus="yes">
        <source>Attempt {n}: %n piece(s) of evidence</source>
        <translation>
            <numerusform>Attempt {n}: %n piece of evidence</numerusform>
            <numerusform>Attempt {n}: %n pieces of evidence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>Adding %n file…</numerusform>
            <numerusform>Adding %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n record(s) were edited in two places at once. The newer edit was kept everywhere; the one listed here was kept aside for you to review.</source>
        <translation>
            <numerusform>%n record was edited in two places at once. The newer edit was kept everywhere; the one listed here was kept aside for you to review.</numerusform>
            <numerusform>%n records were edited in two places at once. The newer edit was kept everywhere; the ones listed here were kept aside for you to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {file}: %n change(s). Carry it to the other computer and import it there.</source>
        <translation>
            <numerusform>Wrote {file}: %n change. Carry it to the other computer and import it there.</numerusform>
            <numerusform>Wrote {file}: %n changes. Carry it to the other computer and import it there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {file}: %n change(s), {applied} new, {skipped} already here, {refused} refused.</source>
        <translation>
            <numerusform>Imported {file}: %n change, {applied} new, {skipped} already here, {refused} refused.</numerusform>
            <numerusform>Imported {file}: %n changes, {applied} new, {skipped} already here, {refused} refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message numerus="yes">
        <source>{problem} — %n change(s) waiting, will retry at {time}</source>
        <translation>
            <numerusform>{problem} — %n change waiting, will retry at {time}</numerusform>
            <numerusform>{problem} — %n changes waiting, will retry at {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{problem} — %n change(s) waiting; sync again once it is put right</source>
        <translation>
            <numerusform>{problem} — %n change waiting; sync again once it is put right</numerusform>
            <numerusform>{problem} — %n changes waiting; sync again once it is put right</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_CheckPage</name>
    <message numerus="yes">
        <source>%Ln learner(s) are ready to import.</source>
        <translation>
            <numerusform>%Ln learner is ready to import.</numerusform>
            <numerusform>%Ln learners are ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) will be left out:</source>
        <translation>
            <numerusform>%Ln row will be left out:</numerusform>
            <numerusform>%Ln rows will be left out:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message numerus="yes">
        <source>%Ln row(s) read ({encoding}).</source>
        <translation>
            <numerusform>%Ln row read ({encoding}).</numerusform>
            <numerusform>%Ln rows read ({encoding}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportPage</name>
    <message numerus="yes">
        <source>%Ln learner(s) imported.</source>
        <translation>
            <numerusform>%Ln learner imported.</numerusform>
            <numerusform>%Ln learners imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
