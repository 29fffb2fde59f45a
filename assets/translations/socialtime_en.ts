<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DataTab</name>
    <message numerus="yes">
        <source>Exported %n spans to {path}.</source>
        <translation>
            <numerusform>Exported %n span to {path}.</numerusform>
            <numerusform>Exported %n spans to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data?</source>
        <translation>
            <numerusform>Erase %n day of data?</numerusform>
            <numerusform>Erase %n days of data?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased %n day(s) of data ({duration} of recorded time).</source>
        <translation>
            <numerusform>Erased %n day of data ({duration} of recorded time).</numerusform>
            <numerusform>Erased %n days of data ({duration} of recorded time).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data too?</source>
        <translation>
            <numerusform>Erase %n day of data too?</numerusform>
            <numerusform>Erase %n days of data too?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bridge</name>
    <message numerus="yes">
        <source>connected (%n browser(s))</source>
        <translation>
            <numerusform>connected (%n browser)</numerusform>
            <numerusform>connected (%n browsers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them tell(s) whether the tab in front plays sound</source>
        <translation>
            <numerusform>%n of them tells whether the tab in front plays sound</numerusform>
            <numerusform>%n of them tell whether the tab in front plays sound</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) refused since start (more than {limit} at once)</source>
        <translation>
            <numerusform>%n connection refused since start (more than {limit} at once)</numerusform>
            <numerusform>%n connections refused since start (more than {limit} at once)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silent connection(s) dropped</source>
        <translation>
            <numerusform>%n silent connection dropped</numerusform>
            <numerusform>%n silent connections dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) short of file descriptors or memory (it kept listening)</source>
        <translation>
            <numerusform>%n time short of file descriptors or memory (it kept listening)</numerusform>
            <numerusform>%n times short of file descriptors or memory (it kept listening)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>browser</name>
    <message numerus="yes">
        <source>from the browser extension only: %n browser(s) tell when one of their windows has the focus, and that browser is taken as the window in front (any other app counts as &quot;other&quot;); to see every window: {fix}</source>
        <translation>
            <numerusform>from the browser extension only: %n browser tells when one of its windows has the focus, and that browser is taken as the window in front (any other app counts as &quot;other&quot;); to see every window: {fix}</numerusform>
            <numerusform>from the browser extension only: %n browsers tell when one of their windows has the focus, and that browser is taken as the window in front (any other app counts as &quot;other&quot;); to see every window: {fix}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Your recorded data (%n spans) is still in {path}.</source>
        <translation>
            <numerusform>Your recorded data (%n span) is still in {path}.</numerusform>
            <numerusform>Your recorded data (%n spans) is still in {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n spans.</source>
        <translation>
            <numerusform>Exported %n span.</numerusform>
            <numerusform>Exported %n spans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n spans to {file}.</source>
        <translation>
            <numerusform>Exported %n span to {file}.</numerusform>
            <numerusform>Exported %n spans to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data ({what}, in {path})? This cannot be undone. [y/N] </source>
        <translation>
            <numerusform>Erase %n day of data ({what}, in {path})? This cannot be undone. [y/N] </numerusform>
            <numerusform>Erase %n days of data ({what}, in {path})? This cannot be undone. [y/N] </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path} (%n spans, readable by you only)</source>
        <translation>
            <numerusform>{path} (%n span, readable by you only)</numerusform>
            <numerusform>{path} (%n spans, readable by you only)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>goals</name>
    <message numerus="yes">
        <source>Current streak: %n work day(s) with your goals met.</source>
        <translation>
            <numerusform>Current streak: %n work day with your goals met.</numerusform>
            <numerusform>Current streak: %n work days with your goals met.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This month: goals met on {met} of %n work day(s) so far.</source>
        <translation>
            <numerusform>This month: goals met on {met} of %n work day so far.</numerusform>
            <numerusform>This month: goals met on {met} of %n work days so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mpris</name>
    <message numerus="yes">
        <source>%n media player(s) on the session bus</source>
        <translation>
            <numerusform>%n media player on the session bus</numerusform>
            <numerusform>%n media players on the session bus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pulse</name>
    <message numerus="yes">
        <source>%n stream(s) playing now</source>
        <translation>
            <numerusform>%n stream playing now</numerusform>
            <numerusform>%n streams playing now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reflection</name>
    <message numerus="yes">
        <source>Your daily goals held on {met} of %n work day(s).</source>
        <translation>
            <numerusform>Your daily goals held on {met} of %n work day.</numerusform>
            <numerusform>Your daily goals held on {met} of %n work days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sites</name>
    <message numerus="yes">
        <source>unknown key(s) {keys}</source>
        <translation>
            <numerusform>unknown key {keys}</numerusform>
            <numerusform>unknown keys {keys}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>team</name>
    <message numerus="yes">
        <source>Goal met on {met} of %n recorded work day(s) that are over.</source>
        <translation>
            <numerusform>Goal met on {met} of %n recorded work day that is over.</numerusform>
            <numerusform>Goal met on {met} of %n recorded work days that are over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You met the goal on {met} of %n work day(s).</source>
        <translation>
            <numerusform>You met the goal on {met} of %n work day.</numerusform>
            <numerusform>You met the goal on {met} of %n work days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>team_chart</name>
    <message numerus="yes">
        <source>{team}, {week}: %n member(s), goal met on {share} of work days</source>
        <translation>
            <numerusform>{team}, {week}: %n member, goal met on {share} of work days</numerusform>
            <numerusform>{team}, {week}: %n members, goal met on {share} of work days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>team_summary</name>
    <message numerus="yes">
        <source>only %n distinct summaries; team figures need at least {minimum} of the same team and week, so that no one person can be seen</source>
        <translation>
            <numerusform>only %n distinct summary; team figures need at least {minimum} of the same team and week, so that no one person can be seen</numerusform>
            <numerusform>only %n distinct summaries; team figures need at least {minimum} of the same team and week, so that no one person can be seen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trend</name>
    <message numerus="yes">
        <source>the %n weeks before</source>
        <translation>
            <numerusform>the %n week before</numerusform>
            <numerusform>the %n weeks before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n days before</source>
        <translation>
            <numerusform>the %n day before</numerusform>
            <numerusform>the %n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} of social time: {average} a day over %n work day(s).</source>
        <translation>
            <numerusform>{total} of social time: {average} a day over %n work day.</numerusform>
            <numerusform>{total} of social time: {average} a day over %n work days.</numerusform>
        </translation>
    </message>
</context>
</TS>
