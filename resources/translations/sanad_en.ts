<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LearnersPage</name>
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
</TS>
