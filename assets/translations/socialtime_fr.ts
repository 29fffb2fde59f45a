<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>GoalsTab</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each work day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per site, each day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods of each work day without social sites, such as 09:00-11:00, 14:00-15:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Not today&quot; in the tray menu silences them until tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals are yours and optional. Nothing is ever blocked, and only you see how you are doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most, all social sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>socialtime — Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write time ranges such as 09:00-12:30, 13:30-18:00. Leave a day empty for a day off. Nothing is recorded outside these hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop counting after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time without keyboard or mouse input is not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often socialtime checks which window is in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep data for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older data is erased automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id (domain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts: separated by commas (default: the id). Title patterns: regular expressions, one per line, matched in browser window titles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites that count as social time (untick a site to ignore it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start socialtime when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving with this on writes a start-up entry for you alone; saving with it off removes that entry. Nothing else is changed. The entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase these days…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These act at once (erasing asks first); Save and Cancel do not undo them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {}, {}: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login could not be changed ({}): {{}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {} spans to {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything recorded from {} to {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase {}? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased {} ({} of recorded time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stops at once and nothing is recorded until you accept the notice again. Withdraw your consent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn: recording has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recorded data ({} spans) is still on this computer. Erase it all now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You accepted the privacy notice on {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not given consent: nothing is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} files (*.{})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPreview</name>
    <message>
        <source>Your weekly summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the whole file, exactly as it will be saved. Nothing is sent: you choose where to save it and whether to give it to your team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Join a team goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a weekly summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a weekly summary (if you want to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary holds the team name, the week, your number of work days, the days you met the goal, your social time per day as a range (such as 15-30 min) and a random code that changes every week. You see the whole file before it is saved; it is never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team file cannot be used; join again or leave:
{}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in a team. A team agrees on a goal and shares a small file; join it here. Only you see your progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team file could not be kept: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a team goal file you can join:
{}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You joined &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {}. Share it with your team if you want to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a team goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team goal files (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the weekly summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
