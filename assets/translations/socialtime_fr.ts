<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>socialtime — your privacy</source>
        <translation>socialtime — votre vie privée</translation>
    </message>
    <message>
        <source>&lt;b&gt;socialtime shows you, and only you, how much of your work time goes to social sites.&lt;/b&gt; Please read what it does before it starts.</source>
        <translation>&lt;b&gt;socialtime vous montre, à vous et à personne d&apos;autre, quelle part de votre temps de travail vous passez sur les réseaux sociaux.&lt;/b&gt; Prenez le temps de lire ce qu&apos;il fait avant qu&apos;il ne démarre.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>socialtime — Dashboard</source>
        <translation>socialtime — Tableau de bord</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Jours et heures</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>&amp;Set a goal…</source>
        <translation>&amp;Fixer un objectif…</translation>
    </message>
    <message>
        <source>E&amp;xport chart…</source>
        <translation>E&amp;xporter le graphique…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be written to {path}: {error}</source>
        <translation>Impossible d&apos;enregistrer le graphique dans {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>◀ &amp;Earlier</source>
        <translation>◀ &amp;Avant</translation>
    </message>
    <message>
        <source>&amp;Later ▶</source>
        <translation>A&amp;près ▶</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>Aujourd&apos;&amp;hui</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>Cette &amp;semaine</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>Ce &amp;mois-ci</translation>
    </message>
    <message>
        <source>Up to t&amp;oday</source>
        <translation>Jusqu&apos;à aujourd&apos;&amp;hui</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>Show as &amp;table</source>
        <translation>Afficher en &amp;tableau</translation>
    </message>
    <message>
        <source>Calendar week</source>
        <translation>Semaine civile</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>Mois civil</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>4 dernières semaines</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last 13 weeks</source>
        <translation>13 dernières semaines</translation>
    </message>
    <message>
        <source>One day</source>
        <translation>Un jour</translation>
    </message>
    <message>
        <source>{tab} chart</source>
        <translation>Graphique {tab}</translation>
    </message>
    <message>
        <source>{tab} table</source>
        <translation>Tableau {tab}</translation>
    </message>
    <message>
        <source>Point at a bar or a cell to see its figures; click a day to open it.</source>
        <translation>Survolez une barre ou une case pour voir ses chiffres ; cliquez sur un jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>Rien d&apos;enregistré sur cette période.</translation>
    </message>
    <message>
        <source>Nothing recorded on this day.</source>
        <translation>Rien d&apos;enregistré ce jour-là.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Social time</source>
        <translation>Temps sur les réseaux sociaux</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Temps actif</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Why not met</source>
        <translation>Pourquoi non atteints</translation>
    </message>
    <message>
        <source>not met: {why}</source>
        <translation>non atteints&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Jour de la semaine</translation>
    </message>
    <message>
        <source>{day}: {social} of social time, {active} active</source>
        <translation>{day} : {social} sur les réseaux sociaux, {active} d&apos;activité</translation>
    </message>
    <message>
        <source>{weekday}, {start}–{end}: {social} of social time</source>
        <translation>{weekday}, {start}–{end} : {social} sur les réseaux sociaux</translation>
    </message>
    <message>
        <source>{site}: {social}</source>
        <translation>{site} : {social}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>atteints</translation>
    </message>
    <message>
        <source>so far within your goals</source>
        <translation>objectifs tenus jusqu&apos;ici</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>non atteints</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>jour non travaillé</translation>
    </message>
    <message>
        <source>no daily goal</source>
        <translation>pas d&apos;objectif quotidien</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>to come</source>
        <translation>à venir</translation>
    </message>
    <message>
        <source>Only you see these figures; they stay on this computer.</source>
        <translation>Ces chiffres ne sont visibles que par vous et restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>{path}: the file name must end in .png or .svg</source>
        <translation>{path}&#xa0;: le nom du fichier doit se terminer par .png ou .svg</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Erase these days…</source>
        <translation>Effacer ces jours…</translation>
    </message>
    <message>
        <source>Erase everything…</source>
        <translation>Tout effacer…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Retirer mon consentement…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>These act at once (erasing asks first); Save and Cancel do not undo them.</source>
        <translation>Ces actions s&apos;appliquent aussitôt (l&apos;effacement demande d&apos;abord confirmation)&#xa0;; Enregistrer et Annuler n&apos;y changent rien.</translation>
    </message>
    <message>
        <source>Export everything recorded</source>
        <translation>Exporter tout ce qui a été enregistré</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Nothing was exported: {error}</source>
        <translation>Rien n&apos;a été exporté&#xa0;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n spans to {path}.</source>
        <translation>
            <numerusform>%n période exportée dans {path}.</numerusform>
            <numerusform>%n périodes exportées dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
    <message>
        <source>Everything recorded from {first} to {last} is erased.</source>
        <translation>Tout ce qui a été enregistré du {first} au {last} sera effacé.</translation>
    </message>
    <message>
        <source>Everything recorded is erased.</source>
        <translation>Tout ce qui a été enregistré sera effacé.</translation>
    </message>
    <message>
        <source>Nothing is recorded there: there is nothing to erase.</source>
        <translation>Rien n&apos;est enregistré sur cette période&#xa0;: il n&apos;y a rien à effacer.</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data?</source>
        <translation>
            <numerusform>Effacer %n jour de données&#xa0;?</numerusform>
            <numerusform>Effacer %n jours de données&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message numerus="yes">
        <source>Erased %n day(s) of data ({duration} of recorded time).</source>
        <translation>
            <numerusform>%n jour de données effacé ({duration} de temps enregistré).</numerusform>
            <numerusform>%n jours de données effacés ({duration} de temps enregistré).</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdraw your consent?
Recording stops at once and nothing is recorded until you accept the notice again.</source>
        <translation>Retirer votre consentement&#xa0;?
L&apos;enregistrement s&apos;arrête aussitôt et rien n&apos;est enregistré tant que vous n&apos;avez pas accepté à nouveau la notice.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Keep recording</source>
        <translation>Continuer l&apos;enregistrement</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data too?</source>
        <translation>
            <numerusform>Effacer aussi %n jour de données&#xa0;?</numerusform>
            <numerusform>Effacer aussi %n jours de données&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>What was recorded is still on this computer. Erasing it cannot be undone.</source>
        <translation>Ce qui a été enregistré est toujours sur cet ordinateur. L&apos;effacement est irréversible.</translation>
    </message>
    <message>
        <source>Erase data</source>
        <translation>Effacer les données</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Rien n&apos;a été effacé.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirer mon consentement</translation>
    </message>
    <message>
        <source>Consent withdrawn: recording has stopped.</source>
        <translation>Consentement retiré&#xa0;: l&apos;enregistrement est arrêté.</translation>
    </message>
    <message>
        <source>You accepted the privacy notice on {day} at {time}.</source>
        <translation>Vous avez accepté la notice de confidentialité le {day} à {time}.</translation>
    </message>
    <message>
        <source>You have not given consent: nothing is recorded.</source>
        <translation>Vous n&apos;avez pas donné votre consentement&#xa0;: rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Export as {format}</source>
        <translation>Exporter en {format}</translation>
    </message>
    <message>
        <source>{format} files (*.{extension})</source>
        <translation>Fichiers {format} (*.{extension})</translation>
    </message>
</context>
<context>
    <name>FileView</name>
    <message>
        <source>The summary file</source>
        <translation>Le fichier du récapitulatif</translation>
    </message>
    <message>
        <source>This is the whole file, exactly as it will be saved.</source>
        <translation>Voici le fichier entier, exactement tel qu&apos;il sera enregistré.</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>socialtime — getting started</source>
        <translation>socialtime — premiers pas</translation>
    </message>
    <message>
        <source>Where socialtime is</source>
        <translation>Où trouver socialtime</translation>
    </message>
    <message>
        <source>socialtime lives in the system tray, among the small icons at the edge of your panel. Click its icon for your dashboard; right-click it to pause, to open Settings or to read the privacy notice again.</source>
        <translation>socialtime se trouve dans la zone de notification, parmi les petites icônes de la barre au bord de l&apos;écran. Cliquez sur son icône pour ouvrir votre tableau de bord&#xa0;; faites un clic droit pour mettre en pause, ouvrir les paramètres ou relire la notice de confidentialité.</translation>
    </message>
    <message>
        <source>Your work hours</source>
        <translation>Vos heures de travail</translation>
    </message>
    <message>
        <source>socialtime records only during these hours:</source>
        <translation>socialtime n&apos;enregistre que pendant ces heures&#xa0;:</translation>
    </message>
    <message>
        <source>Change work hours…</source>
        <translation>Modifier les heures de travail…</translation>
    </message>
    <message>
        <source>A goal, if you want one</source>
        <translation>Un objectif, si vous le souhaitez</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Au plus</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>of social sites a day</source>
        <translation>de réseaux sociaux par jour</translation>
    </message>
    <message>
        <source>Optional, and yours alone: socialtime tells you gently at 80 % and at 100 %. More goals are in Settings, Goals.</source>
        <translation>Facultatif, et rien qu&apos;à vous&#xa0;: socialtime vous prévient discrètement à 80&#xa0;% et à 100&#xa0;%. D&apos;autres objectifs se trouvent dans Paramètres, Objectifs.</translation>
    </message>
    <message>
        <source>Your organisation sets the daily budget: see Settings, Goals.</source>
        <translation>Votre organisation fixe le budget quotidien&#xa0;: voir Paramètres, Objectifs.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>At 80 % and at 100 % of a daily budget</source>
        <translation>À 80&#xa0;% et à 100&#xa0;% d&apos;un budget quotidien</translation>
    </message>
    <message>
        <source>When a social site comes to the front during a focus period</source>
        <translation>Quand un réseau social passe au premier plan pendant une plage de concentration</translation>
    </message>
    <message>
        <source>A look back at last week, on the first work day of the week</source>
        <translation>Un bilan de la semaine passée, le premier jour travaillé de la semaine</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> par jour</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation>Minutes par jour</translation>
    </message>
    <message>
        <source>Each work day:</source>
        <translation>Chaque jour travaillé&#xa0;:</translation>
    </message>
    <message>
        <source>Each week:</source>
        <translation>Chaque semaine&#xa0;:</translation>
    </message>
    <message>
        <source>Per site, each day:</source>
        <translation>Par site, chaque jour&#xa0;:</translation>
    </message>
    <message>
        <source>Focus time:</source>
        <translation>Plages de concentration&#xa0;:</translation>
    </message>
    <message>
        <source>Your goals</source>
        <translation>Vos objectifs</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>&quot;Not today&quot; in the tray menu silences them until tomorrow.</source>
        <translation>«&#xa0;Pas aujourd&apos;hui&#xa0;», dans le menu de la zone de notification, les suspend jusqu&apos;à demain.</translation>
    </message>
    <message>
        <source>Goals are yours and optional. Nothing is ever blocked, and only you see how you are doing.</source>
        <translation>Vos objectifs vous appartiennent et sont facultatifs. Rien n&apos;est jamais bloqué, et personne d&apos;autre que vous ne voit où vous en êtes.</translation>
    </message>
    <message>
        <source>at most, all social sites:</source>
        <translation>au plus, tous réseaux sociaux confondus&#xa0;:</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>socialtime — an invitation from your organisation</source>
        <translation>socialtime — une invitation de votre organisation</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your organisation offers socialtime&lt;/b&gt;, which shows you, and only you, how much of your work time goes to social sites. Nothing is recorded unless you accept. Please read what it does.</source>
        <translation>&lt;b&gt;Votre organisation vous propose socialtime&lt;/b&gt;, qui vous montre, à vous et à personne d&apos;autre, quelle part de votre temps de travail vous passez sur les réseaux sociaux. Rien n&apos;est enregistré sans votre accord. Prenez le temps de lire ce qu&apos;il fait.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Nothing is recorded; you will be asked at next login.</source>
        <translation>Rien n&apos;est enregistré&#xa0;; la question vous sera reposée à la prochaine ouverture de session.</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>Non merci</translation>
    </message>
    <message>
        <source>Nothing is recorded and you will not be asked again.</source>
        <translation>Rien n&apos;est enregistré, et la question ne vous sera plus posée.</translation>
    </message>
    <message>
        <source>“Not now” asks again at your next login. If you decline with “No thanks”, you will not be asked again; you can still start socialtime yourself.</source>
        <translation>«&#xa0;Pas maintenant&#xa0;»&#xa0;: la question vous sera reposée à votre prochaine ouverture de session. Si vous refusez avec «&#xa0;Non merci&#xa0;», elle ne vous sera plus posée&#xa0;; vous pourrez toujours lancer socialtime vous-même.</translation>
    </message>
    <message>
        <source>socialtime — start at login</source>
        <translation>socialtime — démarrage à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>socialtime: there is no display to show the invitation on (DISPLAY and WAYLAND_DISPLAY are not set). Nothing was recorded; you will be asked at your next login.</source>
        <translation>socialtime&#xa0;: aucun écran sur lequel afficher l&apos;invitation (DISPLAY et WAYLAND_DISPLAY ne sont pas définies). Rien n&apos;a été enregistré&#xa0;; la question vous sera reposée à votre prochaine ouverture de session.</translation>
    </message>
    <message>
        <source>socialtime: your answer could not be remembered ({error}); you will be asked again at your next login.</source>
        <translation>socialtime&#xa0;: impossible de mémoriser votre réponse ({error})&#xa0;; la question vous sera reposée à votre prochaine ouverture de session.</translation>
    </message>
    <message>
        <source>socialtime: your consent could not be recorded: {error}</source>
        <translation>socialtime&#xa0;: impossible d&apos;enregistrer votre consentement&#xa0;: {error}</translation>
    </message>
    <message>
        <source>You accepted, and socialtime starts now. It could not add itself to the programs started at login ({path}): {error}. You can turn this on in Settings › General › Start at login.</source>
        <translation>Vous avez accepté, et socialtime démarre maintenant. Il n&apos;a pas pu s&apos;ajouter aux programmes lancés à l&apos;ouverture de session ({path})&#xa0;: {error}. Vous pouvez l&apos;activer dans Paramètres › Général › Démarrage à l&apos;ouverture de session.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>To snooze: “Not today” in the socialtime menu.</source>
        <translation>Pour les suspendre&#xa0;: «&#xa0;Pas aujourd&apos;hui&#xa0;» dans le menu de socialtime.</translation>
    </message>
    <message>
        <source>Snooze for today</source>
        <translation>Plus de rappels aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>NudgePopup</name>
    <message>
        <source>Snooze for today</source>
        <translation>Plus de rappels aujourd&apos;hui</translation>
    </message>
    <message>
        <source>No goal notifications until tomorrow</source>
        <translation>Aucune notification d&apos;objectif jusqu&apos;à demain</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>OrganisationSettings</name>
    <message>
        <source>Work hours on Monday</source>
        <translation>Heures de travail du lundi</translation>
    </message>
    <message>
        <source>Work hours on Tuesday</source>
        <translation>Heures de travail du mardi</translation>
    </message>
    <message>
        <source>Work hours on Wednesday</source>
        <translation>Heures de travail du mercredi</translation>
    </message>
    <message>
        <source>Work hours on Thursday</source>
        <translation>Heures de travail du jeudi</translation>
    </message>
    <message>
        <source>Work hours on Friday</source>
        <translation>Heures de travail du vendredi</translation>
    </message>
    <message>
        <source>Work hours on Saturday</source>
        <translation>Heures de travail du samedi</translation>
    </message>
    <message>
        <source>Work hours on Sunday</source>
        <translation>Heures de travail du dimanche</translation>
    </message>
    <message>
        <source>Sites not counted as social</source>
        <translation>Sites non comptés comme réseaux sociaux</translation>
    </message>
    <message>
        <source>Sites added to the list</source>
        <translation>Sites ajoutés à la liste</translation>
    </message>
    <message>
        <source>Team goal offered</source>
        <translation>Objectif d&apos;équipe proposé</translation>
    </message>
    <message>
        <source>Weekly team summaries allowed</source>
        <translation>Récapitulatifs hebdomadaires d&apos;équipe autorisés</translation>
    </message>
    <message>
        <source>Invitation to use socialtime at login</source>
        <translation>Invitation à utiliser socialtime à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Jour de repos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>Sans niveau</translation>
    </message>
    <message>
        <source>Mandatory: it wins over your own setting, which you cannot change here.</source>
        <translation>Obligatoire&#xa0;: ce réglage l&apos;emporte sur le vôtre, que vous ne pouvez pas modifier ici.</translation>
    </message>
    <message>
        <source>Recommended: it replaces the default only; your own setting wins.</source>
        <translation>Recommandé&#xa0;: ce réglage remplace seulement la valeur par défaut&#xa0;; le vôtre l&apos;emporte.</translation>
    </message>
    <message>
        <source>Outside [mandatory] and [recommended]: it has no effect.</source>
        <translation>En dehors de [mandatory] et de [recommended]&#xa0;: sans effet.</translation>
    </message>
    <message>
        <source>Set by your organisation ({source}). You cannot change it here.</source>
        <translation>Défini par votre organisation ({source}). Vous ne pouvez pas le modifier ici.</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Défini par votre organisation</translation>
    </message>
    <message>
        <source>socialtime — Organisation settings</source>
        <translation>socialtime — Paramètres de l&apos;organisation</translation>
    </message>
    <message>
        <source>Your organisation may set your work hours, which sites count as social, a team goal, whether weekly team summaries may be written, and an invitation at login.</source>
        <translation>Votre organisation peut définir vos heures de travail, les sites comptés comme réseaux sociaux, un objectif d&apos;équipe, l&apos;autorisation d&apos;écrire des récapitulatifs hebdomadaires d&apos;équipe, et une invitation à l&apos;ouverture de session.</translation>
    </message>
    <message>
        <source>A policy can never consent for you, switch recording on or read your data: nothing is recorded until you accept the notice, and what is recorded stays on this computer, for you alone.</source>
        <translation>Une stratégie ne peut jamais consentir à votre place, activer l&apos;enregistrement ni lire vos données&#xa0;: rien n&apos;est enregistré tant que vous n&apos;avez pas accepté la notice, et ce qui est enregistré reste sur cet ordinateur, pour vous seul.</translation>
    </message>
    <message>
        <source>Where these settings come from</source>
        <translation>D&apos;où viennent ces paramètres</translation>
    </message>
    <message>
        <source>No organisation policy was found on this computer.</source>
        <translation>Aucune stratégie d&apos;organisation n&apos;a été trouvée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Settings in force</source>
        <translation>Paramètres en vigueur</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>The policy sets nothing.</source>
        <translation>La stratégie ne définit rien.</translation>
    </message>
    <message>
        <source>Ignored: these had no effect</source>
        <translation>Ignorés&#xa0;: ces réglages n&apos;ont eu aucun effet</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Errors: these entries were left out</source>
        <translation>Erreurs&#xa0;: ces entrées ont été écartées</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>socialtime — Settings</source>
        <translation>socialtime — Paramètres</translation>
    </message>
    <message>
        <source>Work hours</source>
        <translation>Heures de travail</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Monday:</source>
        <translation>Lundi&#xa0;:</translation>
    </message>
    <message>
        <source>Tuesday:</source>
        <translation>Mardi&#xa0;:</translation>
    </message>
    <message>
        <source>Wednesday:</source>
        <translation>Mercredi&#xa0;:</translation>
    </message>
    <message>
        <source>Thursday:</source>
        <translation>Jeudi&#xa0;:</translation>
    </message>
    <message>
        <source>Friday:</source>
        <translation>Vendredi&#xa0;:</translation>
    </message>
    <message>
        <source>Saturday:</source>
        <translation>Samedi&#xa0;:</translation>
    </message>
    <message>
        <source>Sunday:</source>
        <translation>Dimanche&#xa0;:</translation>
    </message>
    <message>
        <source>Tick a work day and pick its hours, with a break if you take one; or write time ranges such as 09:00-12:30, 13:30-18:00 (an empty day is a day off). Nothing is recorded outside these hours.</source>
        <translation>Cochez un jour travaillé et choisissez ses heures, avec une pause si vous en prenez une&#xa0;; ou écrivez des plages horaires comme 09:00-12:30, 13:30-18:00 (un jour vide est un jour de repos). Rien n&apos;est enregistré en dehors de ces heures.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrage à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Office hours with lunch break</source>
        <translation>Horaires de bureau avec pause déjeuner</translation>
    </message>
    <message>
        <source>Full day</source>
        <translation>Journée continue</translation>
    </message>
    <message>
        <source>Mornings</source>
        <translation>Matinées</translation>
    </message>
    <message>
        <source>Expected {expected}</source>
        <translation>Valeur attendue&#xa0;: {expected}</translation>
    </message>
    <message>
        <source>; got {value}</source>
        <translation>&#xa0;; valeur saisie&#xa0;: {value}</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>jour de repos</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Stop counting after:</source>
        <translation>Cesser de compter après&#xa0;:</translation>
    </message>
    <message>
        <source>While something plays:</source>
        <translation>Pendant une lecture&#xa0;:</translation>
    </message>
    <message>
        <source>after the last input</source>
        <translation>après la dernière saisie</translation>
    </message>
    <message>
        <source>Look every:</source>
        <translation>Regarder toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Keep data for:</source>
        <translation>Conserver les données&#xa0;:</translation>
    </message>
    <message>
        <source>Id (domain)</source>
        <translation>Identifiant (domaine)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hôtes</translation>
    </message>
    <message>
        <source>Title patterns</source>
        <translation>Motifs de titre</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation>Retirer le site</translation>
    </message>
    <message>
        <source>Hosts: separated by commas (default: the id). Title patterns: regular expressions, one per line, matched in browser window titles.</source>
        <translation>Hôtes&#xa0;: séparés par des virgules (par défaut&#xa0;: l&apos;identifiant). Motifs de titre&#xa0;: expressions régulières, une par ligne, recherchées dans les titres des fenêtres du navigateur.</translation>
    </message>
    <message>
        <source>Sites that count as social time (untick a site to ignore it):</source>
        <translation>Sites comptés comme réseaux sociaux (décochez un site pour l&apos;ignorer)&#xa0;:</translation>
    </message>
    <message>
        <source>Your own sites:</source>
        <translation>Vos propres sites&#xa0;:</translation>
    </message>
    <message>
        <source>Start socialtime when I log in</source>
        <translation>Lancer socialtime à l&apos;ouverture de ma session</translation>
    </message>
    <message>
        <source>Saving with this on writes a start-up entry for you alone; saving with it off removes that entry. Nothing else is changed. The entry:</source>
        <translation>Si vous enregistrez avec cette case cochée, une entrée de démarrage est créée pour vous seul&#xa0;; décochée, cette entrée est supprimée. Rien d&apos;autre n&apos;est modifié. L&apos;entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (system language)</source>
        <translation>Automatique (langue du système)</translation>
    </message>
    <message>
        <source>Windows opened after Save use the new language; a window already open changes when it is opened again.</source>
        <translation>Les fenêtres ouvertes après l&apos;enregistrement sont dans la nouvelle langue&#xa0;; une fenêtre déjà ouverte change de langue à sa prochaine ouverture.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>ligne {row}</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {error}</source>
        <translation>Ligne {row}, {column}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>Impossible d&apos;enregistrer les paramètres&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Start at login could not be changed ({path}): {error}</source>
        <translation>Impossible de modifier le démarrage à l&apos;ouverture de session ({path})&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Corrigez d&apos;abord les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>Your organisation sets some of these settings: they are marked with a padlock and cannot be changed here.</source>
        <translation>Votre organisation définit certains de ces paramètres&#xa0;: ils sont marqués d&apos;un cadenas et ne peuvent pas être modifiés ici.</translation>
    </message>
    <message>
        <source>Your organisation suggests some of these settings; you may change them.</source>
        <translation>Votre organisation propose certains de ces paramètres&#xa0;; vous pouvez les modifier.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy changes none of these settings.</source>
        <translation>La stratégie de votre organisation ne modifie aucun de ces paramètres.</translation>
    </message>
    <message>
        <source>Organisation settings…</source>
        <translation>Paramètres de l&apos;organisation…</translation>
    </message>
    <message>
        <source>Your organisation sets some week days.</source>
        <translation>Votre organisation définit certains jours de la semaine.</translation>
    </message>
    <message>
        <source>Not counted: set by your organisation ({source}).</source>
        <translation>Non compté&#xa0;: défini par votre organisation ({source}).</translation>
    </message>
    <message>
        <source>Sites with a padlock are not counted, as set by your organisation.</source>
        <translation>Les sites marqués d&apos;un cadenas ne sont pas comptés&#xa0;: votre organisation l&apos;a défini ainsi.</translation>
    </message>
    <message>
        <source>Added by your organisation ({source}): it cannot be changed or removed here.</source>
        <translation>Ajouté par votre organisation ({source})&#xa0;: il ne peut être ni modifié ni retiré ici.</translation>
    </message>
    <message>
        <source>Sites with a padlock are added by your organisation and cannot be removed.</source>
        <translation>Les sites marqués d&apos;un cadenas sont ajoutés par votre organisation et ne peuvent pas être retirés.</translation>
    </message>
    <message>
        <source>A work day</source>
        <translation>Un jour travaillé</translation>
    </message>
    <message>
        <source>then</source>
        <translation>puis</translation>
    </message>
    <message>
        <source>A second range, after a break</source>
        <translation>Une seconde plage, après une pause</translation>
    </message>
</context>
<context>
    <name>SummaryPreview</name>
    <message>
        <source>Your weekly summary</source>
        <translation>Votre récapitulatif hebdomadaire</translation>
    </message>
    <message>
        <source>This summary says only this. Nothing is sent: you choose where to save it and whether to give it to your team.</source>
        <translation>Ce récapitulatif ne dit que ceci. Rien n&apos;est envoyé&#xa0;: vous choisissez où l&apos;enregistrer et si vous le donnez à votre équipe.</translation>
    </message>
    <message>
        <source>Show the file…</source>
        <translation>Afficher le fichier…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Join a team goal…</source>
        <translation>Rejoindre un objectif d&apos;équipe…</translation>
    </message>
    <message>
        <source>Leave the team</source>
        <translation>Quitter l&apos;équipe</translation>
    </message>
    <message>
        <source>Write a weekly summary…</source>
        <translation>Écrire un récapitulatif hebdomadaire…</translation>
    </message>
    <message>
        <source>Team goal</source>
        <translation>Objectif d&apos;équipe</translation>
    </message>
    <message>
        <source>This team goal comes from your organisation.</source>
        <translation>Cet objectif d&apos;équipe vient de votre organisation.</translation>
    </message>
    <message>
        <source>Offered by your organisation ({source}).</source>
        <translation>Proposé par votre organisation ({source}).</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>Votre progression</translation>
    </message>
    <message>
        <source>Share a weekly summary (if you want to)</source>
        <translation>Partager un récapitulatif hebdomadaire (si vous le souhaitez)</translation>
    </message>
    <message>
        <source>A summary holds the team name, the week, your number of work days, the days you met the goal, your social time per day as a range (such as 15-30 min) and a random code that changes every week. You see the whole file before it is saved; it is never sent.</source>
        <translation>Un récapitulatif contient le nom de l&apos;équipe, la semaine, votre nombre de jours travaillés, les jours où vous avez atteint l&apos;objectif, votre temps sur les réseaux sociaux par jour sous forme de fourchette (par exemple 15-30 min) et un code aléatoire qui change chaque semaine. Vous voyez le fichier complet avant son enregistrement&#xa0;; il n&apos;est jamais envoyé.</translation>
    </message>
    <message>
        <source>Week:</source>
        <translation>Semaine&#xa0;:</translation>
    </message>
    <message>
        <source>The team file cannot be used; join again or leave:
{errors}</source>
        <translation>Le fichier d&apos;équipe est inutilisable&#xa0;; rejoignez de nouveau l&apos;équipe ou quittez-la&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>Your organisation offers this goal ({source}). You may leave it; your progress is shown to you alone.</source>
        <translation>Votre organisation propose cet objectif ({source}). Vous pouvez le quitter&#xa0;; votre progression n&apos;est montrée qu&apos;à vous.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Social time</source>
        <translation>Temps social</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>Objectif atteint</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Nothing recorded</source>
        <translation>Rien d&apos;enregistré</translation>
    </message>
    <message>
        <source>The team file could not be kept: {error}</source>
        <translation>Impossible de conserver le fichier d&apos;équipe&#xa0;: {error}</translation>
    </message>
    <message>
        <source>This is not a team goal file you can join:
{errors}</source>
        <translation>Ce fichier n&apos;est pas un objectif d&apos;équipe que vous pouvez rejoindre&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>You joined &quot;{team}&quot;.</source>
        <translation>Vous avez rejoint «&#xa0;{team}&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing was saved: {error}</source>
        <translation>Rien n&apos;a été enregistré&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}. Share it with your team if you want to.</source>
        <translation>Enregistré dans {path}. Partagez-le avec votre équipe si vous le souhaitez.</translation>
    </message>
    <message>
        <source>You are not in a team. A team agrees on a goal and shares a small file; join it here. Only you see your progress.</source>
        <translation>Vous ne faites partie d&apos;aucune équipe. Une équipe se met d&apos;accord sur un objectif et partage un petit fichier&#xa0;; rejoignez-la ici. Vous seul voyez votre progression.</translation>
    </message>
    <message>
        <source>You left.</source>
        <translation>Vous avez quitté l&apos;équipe.</translation>
    </message>
    <message>
        <source>You left &quot;{team}&quot;.</source>
        <translation>Vous avez quitté «&#xa0;{team}&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Join a team goal</source>
        <translation>Rejoindre un objectif d&apos;équipe</translation>
    </message>
    <message>
        <source>Team goal files (*.toml);;All files (*)</source>
        <translation>Fichiers d&apos;objectif d&apos;équipe (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save the weekly summary</source>
        <translation>Enregistrer le récapitulatif hebdomadaire</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>No goal notifications until tomorrow</source>
        <translation>Aucune notification d&apos;objectif jusqu&apos;à demain</translation>
    </message>
    <message>
        <source>Dashboard…</source>
        <translation>Tableau de bord…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Organisation settings…</source>
        <translation>Paramètres de l&apos;organisation…</translation>
    </message>
    <message>
        <source>Privacy notice…</source>
        <translation>Notice de confidentialité…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>No nudges until tomorrow</source>
        <translation>Aucun rappel jusqu&apos;à demain</translation>
    </message>
    <message>
        <source>Not today (no nudges)</source>
        <translation>Pas aujourd&apos;hui (aucun rappel)</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>{path} could not be used, so socialtime uses its defaults until it is fixed:

{errors}</source>
        <translation>Impossible d&apos;utiliser {path}&#xa0;: socialtime utilise ses réglages par défaut jusqu&apos;à ce que le fichier soit corrigé.

{errors}</translation>
    </message>
    <message>
        <source>Your settings file has errors</source>
        <translation>Votre fichier de paramètres contient des erreurs</translation>
    </message>
    <message>
        <source>socialtime cannot use its data</source>
        <translation>socialtime ne peut pas utiliser ses données</translation>
    </message>
    <message>
        <source>{problem}

Recording is stopped.</source>
        <translation>{problem}

L&apos;enregistrement est arrêté.</translation>
    </message>
    <message>
        <source>Cannot open the database for now: {problem} socialtime tries again and starts recording as soon as it can.</source>
        <translation>Impossible d&apos;ouvrir la base de données pour l&apos;instant&#xa0;: {problem} socialtime réessaie et commence à enregistrer dès qu&apos;il le peut.</translation>
    </message>
    <message>
        <source>Cannot save for now: {problem} Recording goes on: what is seen is kept in memory and saved as soon as the database can be written.</source>
        <translation>Impossible d&apos;enregistrer pour l&apos;instant&#xa0;: {problem} L&apos;enregistrement continue&#xa0;: ce qui est observé est gardé en mémoire et écrit dès que la base de données peut l&apos;être.</translation>
    </message>
    <message>
        <source>Cannot read the database for now: {problem} Nothing is counted until it can be read; socialtime tries again.</source>
        <translation>Impossible de lire la base de données pour l&apos;instant&#xa0;: {problem} Rien n&apos;est compté tant qu&apos;elle ne peut pas être lue&#xa0;; socialtime réessaie.</translation>
    </message>
    <message>
        <source>The database can be written again; recording is saved.</source>
        <translation>La base de données peut de nouveau être écrite&#xa0;; l&apos;enregistrement est sauvegardé.</translation>
    </message>
    <message>
        <source>{duration} recorded while the database could not be written is lost.</source>
        <translation>{duration} enregistrés pendant que la base de données ne pouvait pas être écrite sont perdus.</translation>
    </message>
    <message>
        <source>socialtime is not recording</source>
        <translation>socialtime n&apos;enregistre pas</translation>
    </message>
    <message>
        <source>Your change could not be saved</source>
        <translation>Votre modification n&apos;a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>A custom site cannot be used</source>
        <translation>Un site personnalisé est inutilisable</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>socialtime — {title}</source>
        <translation>socialtime — {title}</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <source>socialtime: there is no display to show the tray on (DISPLAY and WAYLAND_DISPLAY are not set). Start it from your desktop session, or record without a window with `socialtime track`.</source>
        <translation>socialtime&#xa0;: aucun écran sur lequel afficher la zone de notification (DISPLAY et WAYLAND_DISPLAY ne sont pas définies). Lancez-le depuis votre session de bureau, ou enregistrez sans fenêtre avec `socialtime track`.</translation>
    </message>
    <message>
        <source>socialtime: {problem}</source>
        <translation>socialtime&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>socialtime: {path}: cannot use this data directory ({error})</source>
        <translation>socialtime&#xa0;: {path}&#xa0;: impossible d&apos;utiliser ce dossier des données ({error})</translation>
    </message>
    <message>
        <source>socialtime is already running; its window was brought forward.</source>
        <translation>socialtime est déjà lancé&#xa0;; sa fenêtre a été mise au premier plan.</translation>
    </message>
    <message>
        <source>socialtime is already running (its window could not be reached).</source>
        <translation>socialtime est déjà lancé (sa fenêtre n&apos;a pas pu être atteinte).</translation>
    </message>
    <message>
        <source>socialtime: this desktop shows no system tray right now; the icon will appear when one starts. Meanwhile `socialtime report` and the dashboard work.</source>
        <translation>socialtime&#xa0;: ce bureau n&apos;affiche pas de zone de notification pour le moment&#xa0;; l&apos;icône apparaîtra dès qu&apos;il y en aura une. En attendant, `socialtime report` et le tableau de bord fonctionnent.</translation>
    </message>
</context>
<context>
    <name>autostart</name>
    <message>
        <source>See, for yourself only, how much of your work time goes to social sites</source>
        <translation>Voyez, pour vous seul, quelle part de votre temps de travail va aux réseaux sociaux</translation>
    </message>
    <message>
        <source>an empty command cannot be started</source>
        <translation>une commande vide ne peut pas être lancée</translation>
    </message>
</context>
<context>
    <name>bridge</name>
    <message numerus="yes">
        <source>connected (%n browser(s))</source>
        <translation>
            <numerusform>connecté (%n navigateur)</numerusform>
            <numerusform>connecté (%n navigateurs)</numerusform>
        </translation>
    </message>
    <message>
        <source>{problem}; not listening there</source>
        <translation>{problem}&#xa0;; aucune écoute à cet endroit</translation>
    </message>
    <message>
        <source>{path}: the path is too long for a local socket</source>
        <translation>{path}&#xa0;: le chemin est trop long pour un socket local</translation>
    </message>
    <message>
        <source>another socialtime (the tray or `socialtime track`) already receives the browser&apos;s sites; this one uses window titles</source>
        <translation>un autre socialtime (celui de la zone de notification ou `socialtime track`) reçoit déjà les sites du navigateur&#xa0;; celui-ci se sert des titres des fenêtres</translation>
    </message>
    <message>
        <source>{path}: cannot listen ({error})</source>
        <translation>{path}&#xa0;: écoute impossible ({error})</translation>
    </message>
    <message>
        <source>no browser is connected: install the socialtime extension in your browser and run `socialtime browser install`; until then sites are recognised from window titles</source>
        <translation>aucun navigateur n&apos;est connecté&#xa0;: installez l&apos;extension de navigateur socialtime et lancez `socialtime browser install`&#xa0;; en attendant, les sites sont reconnus d&apos;après les titres des fenêtres</translation>
    </message>
    <message>
        <source>not listening: start socialtime (the tray) or `socialtime track` to receive the browser&apos;s sites</source>
        <translation>pas d&apos;écoute&#xa0;: lancez socialtime (dans la zone de notification) ou `socialtime track` pour recevoir les sites du navigateur</translation>
    </message>
    <message>
        <source>listening, but refusing new connections: {limit} are open at once, the most it serves (a program may be holding them open; silent ones are dropped after {seconds} s)</source>
        <translation>à l&apos;écoute, mais refuse les nouvelles connexions&#xa0;: {limit} sont ouvertes à la fois, le maximum qu&apos;elle sert (un programme les garde peut-être ouvertes&#xa0;; les muettes sont coupées au bout de {seconds}&#xa0;s)</translation>
    </message>
    <message numerus="yes">
        <source>%n of them tell(s) whether the tab in front plays sound</source>
        <translation>
            <numerusform>%n d&apos;entre eux dit si l&apos;onglet au premier plan émet du son</numerusform>
            <numerusform>%n d&apos;entre eux disent si l&apos;onglet au premier plan émet du son</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) refused since start (more than {limit} at once)</source>
        <translation>
            <numerusform>%n connexion refusée depuis le démarrage (plus de {limit} à la fois)</numerusform>
            <numerusform>%n connexions refusées depuis le démarrage (plus de {limit} à la fois)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silent connection(s) dropped</source>
        <translation>
            <numerusform>%n connexion muette coupée</numerusform>
            <numerusform>%n connexions muettes coupées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) short of file descriptors or memory (it kept listening)</source>
        <translation>
            <numerusform>%n fois à court de descripteurs de fichiers ou de mémoire (elle est restée à l&apos;écoute)</numerusform>
            <numerusform>%n fois à court de descripteurs de fichiers ou de mémoire (elle est restée à l&apos;écoute)</numerusform>
        </translation>
    </message>
    <message>
        <source>the bridge stopped after an error ({error})</source>
        <translation>la passerelle s&apos;est arrêtée après une erreur ({error})</translation>
    </message>
    <message>
        <source>{path}: listening, but the recorder did not answer within {seconds} s</source>
        <translation>{path}&#xa0;: à l&apos;écoute, mais l&apos;enregistreur n&apos;a pas répondu en {seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>{path}: the recorder did not answer</source>
        <translation>{path}&#xa0;: l&apos;enregistreur n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>another socialtime (the tray or `socialtime track`) or another program already has the browser&apos;s pipe; this one uses window titles</source>
        <translation>un autre socialtime (celui de la zone de notification ou `socialtime track`) ou un autre programme occupe déjà le canal du navigateur&#xa0;; celui-ci se sert des titres des fenêtres</translation>
    </message>
</context>
<context>
    <name>browser</name>
    <message>
        <source>The native messaging host that your browser starts for the socialtime extension (not for use by hand).</source>
        <translation>L&apos;hôte de messagerie native que votre navigateur lance pour l&apos;extension socialtime (pas à lancer à la main).</translation>
    </message>
    <message>
        <source>what the browser passes (the extension&apos;s origin, the manifest path, --parent-window on Windows); ignored</source>
        <translation>ce que le navigateur transmet (l&apos;origine de l&apos;extension, le chemin du manifeste, --parent-window sous Windows)&#xa0;; ignoré</translation>
    </message>
    <message>
        <source>Register socialtime with your browsers so the extension can tell it the active site (install), or remove that registration (uninstall).</source>
        <translation>Déclarer socialtime auprès de vos navigateurs pour que l&apos;extension puisse lui indiquer le site actif (install), ou retirer cette déclaration (uninstall).</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>install or uninstall</source>
        <translation>install ou uninstall</translation>
    </message>
    <message>
        <source>Write the native messaging host manifests for your browsers.</source>
        <translation>Écrire les manifestes de l&apos;hôte de messagerie native pour vos navigateurs.</translation>
    </message>
    <message>
        <source>Remove socialtime&apos;s native messaging host manifests (and only those).</source>
        <translation>Supprimer les manifestes de l&apos;hôte de messagerie native de socialtime (et seulement ceux-là).</translation>
    </message>
    <message>
        <source>for all users of this computer (needs administrator rights)</source>
        <translation>pour tous les utilisateurs de cet ordinateur (droits d&apos;administrateur nécessaires)</translation>
    </message>
    <message>
        <source>which browser (repeatable; default: all, which per user means those whose profile folder exists)</source>
        <translation>quel navigateur (option répétable&#xa0;; par défaut&#xa0;: all, c&apos;est-à-dire, pour vous seul, ceux dont le dossier de profil existe)</translation>
    </message>
    <message>
        <source>socialtime: {file}: permission denied (try again with sudo, or as an administrator)</source>
        <translation>socialtime&#xa0;: {file}&#xa0;: permission refusée (réessayez avec sudo, ou en tant qu&apos;administrateur)</translation>
    </message>
    <message>
        <source>socialtime: {file}: permission denied</source>
        <translation>socialtime&#xa0;: {file}&#xa0;: permission refusée</translation>
    </message>
    <message>
        <source>Registered for all users.</source>
        <translation>Déclaré pour tous les utilisateurs.</translation>
    </message>
    <message>
        <source>Registered for you.</source>
        <translation>Déclaré pour vous.</translation>
    </message>
    <message>
        <source>Now add the socialtime extension to your browser (packaging/browser-extension/, or ask your IT); `socialtime doctor` then says whether it is connected.</source>
        <translation>Ajoutez maintenant l&apos;extension socialtime à votre navigateur (packaging/browser-extension/, ou demandez à votre service informatique)&#xa0;; `socialtime doctor` vous dira ensuite si elle est connectée.</translation>
    </message>
    <message>
        <source>Nothing to remove.</source>
        <translation>Rien à supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>from the browser extension only: %n browser(s) tell when one of their windows has the focus, and that browser is taken as the window in front (any other app counts as &quot;other&quot;); to see every window: {fix}</source>
        <translation>
            <numerusform>par l&apos;extension du navigateur seulement&#xa0;: %n navigateur dit quand une de ses fenêtres a le focus, et ce navigateur est pris pour la fenêtre au premier plan (toute autre application compte comme «&#xa0;autre&#xa0;»)&#xa0;; pour voir toutes les fenêtres&#xa0;: {fix}</numerusform>
            <numerusform>par l&apos;extension du navigateur seulement&#xa0;: %n navigateurs disent quand une de leurs fenêtres a le focus, et ce navigateur est pris pour la fenêtre au premier plan (toute autre application compte comme «&#xa0;autre&#xa0;»)&#xa0;; pour voir toutes les fenêtres&#xa0;: {fix}</numerusform>
        </translation>
    </message>
    <message>
        <source>{fix}; meanwhile a browser with the socialtime extension (and `socialtime browser install`) is still seen when one of its windows has the focus</source>
        <translation>{fix}&#xa0;; en attendant, un navigateur avec l&apos;extension socialtime (et `socialtime browser install`) est quand même vu quand une de ses fenêtres a le focus</translation>
    </message>
    <message>
        <source>{problem}; the host is registered for {browsers}</source>
        <translation>{problem}&#xa0;; l&apos;hôte est déclaré pour {browsers}</translation>
    </message>
    <message>
        <source>{problem}; the host is not registered with any browser: `socialtime browser install`</source>
        <translation>{problem}&#xa0;; l&apos;hôte n&apos;est déclaré auprès d&apos;aucun navigateur&#xa0;: `socialtime browser install`</translation>
    </message>
</context>
<context>
    <name>browser_install</name>
    <message>
        <source>unknown browser {browser}; expected one of {choices}</source>
        <translation>navigateur inconnu {browser}&#xa0;; valeurs possibles&#xa0;: {choices}</translation>
    </message>
    <message>
        <source>the Windows registry is not available</source>
        <translation>le registre Windows n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>launcher: {path}</source>
        <translation>lanceur&#xa0;: {path}</translation>
    </message>
    <message>
        <source>{browser}: skipped (not found: {folder})</source>
        <translation>{browser}&#xa0;: ignoré (introuvable&#xa0;: {folder})</translation>
    </message>
    <message>
        <source>{browser}: {where}</source>
        <translation>{browser}&#xa0;: {where}</translation>
    </message>
    <message>
        <source>{browser}: removed the registry key {key}</source>
        <translation>{browser}&#xa0;: clé de registre {key} supprimée</translation>
    </message>
    <message>
        <source>{browser}: left {key} (not ours: {value})</source>
        <translation>{browser}&#xa0;: {key} laissée en place (pas à socialtime&#xa0;: {value})</translation>
    </message>
    <message>
        <source>{browser}: left {path} (not ours)</source>
        <translation>{browser}&#xa0;: {path} laissé en place (pas à socialtime)</translation>
    </message>
    <message>
        <source>{browser}: kept {path} (also used by {users})</source>
        <translation>{browser}&#xa0;: {path} conservé (utilisé aussi par {users})</translation>
    </message>
    <message>
        <source>{browser}: removed {path}</source>
        <translation>{browser}&#xa0;: {path} supprimé</translation>
    </message>
    <message>
        <source>removed {path}</source>
        <translation>{path} supprimé</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Work hours</source>
        <translation>Heures de travail</translation>
    </message>
    <message>
        <source>Other (not social)</source>
        <translation>Autre (hors réseaux sociaux)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Active time (hours)</source>
        <translation>Temps actif (heures)</translation>
    </message>
    <message>
        <source>goal {minutes}</source>
        <translation>objectif {minutes}</translation>
    </message>
    <message>
        <source>Over your daily goal</source>
        <translation>Au-delà de votre objectif quotidien</translation>
    </message>
    <message>
        <source> — {minutes} over your daily budget</source>
        <translation> — {minutes} au-delà de votre budget quotidien</translation>
    </message>
    <message>
        <source>Focus periods</source>
        <translation>Périodes de concentration</translation>
    </message>
    <message>
        <source>Active time (right scale)</source>
        <translation>Temps actif (échelle de droite)</translation>
    </message>
    <message>
        <source>Social sites on {day}</source>
        <translation>Réseaux sociaux le {day}</translation>
    </message>
    <message>
        <source>Social sites on {day}: {progress}</source>
        <translation>Réseaux sociaux le {day}&#xa0;: {progress}</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>Heure de la journée</translation>
    </message>
    <message>
        <source>Social sites today</source>
        <translation>Réseaux sociaux aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Social sites today: {progress}</source>
        <translation>Réseaux sociaux aujourd&apos;hui&#xa0;: {progress}</translation>
    </message>
    <message>
        <source>No time on social sites today.</source>
        <translation>Aucun temps passé sur les réseaux sociaux aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Minutes of social time</source>
        <translation>Minutes sur les réseaux sociaux</translation>
    </message>
    <message>
        <source>Your daily budget per site</source>
        <translation>Votre budget quotidien par site</translation>
    </message>
    <message>
        <source>Your daily goal ({minutes} of social time)</source>
        <translation>Objectif quotidien ({minutes} de réseaux sociaux)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>the config file has errors:
{errors}</source>
        <translation>le fichier de configuration contient des erreurs&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>warning: the config file has errors; using the defaults:
{errors}</source>
        <translation>attention&#xa0;: le fichier de configuration contient des erreurs&#xa0;; les valeurs par défaut sont utilisées&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>socialtime: {message}</source>
        <translation>socialtime&#xa0;: {message}</translation>
    </message>
    <message>
        <source>socialtime: the tray application cannot start ({error}).
Install Qt&apos;s libraries (see the README), or record with `socialtime track`.</source>
        <translation>socialtime&#xa0;: l&apos;application de la zone de notification ne peut pas démarrer ({error}).
Installez les bibliothèques de Qt (voir le README), ou enregistrez avec `socialtime track`.</translation>
    </message>
    <message>
        <source>socialtime: the invitation cannot be shown ({error}).</source>
        <translation>socialtime&#xa0;: l&apos;invitation ne peut pas être affichée ({error}).</translation>
    </message>
    <message>
        <source>socialtime: stopped before the database could be opened.</source>
        <translation>socialtime&#xa0;: arrêté avant d&apos;avoir pu ouvrir la base de données.</translation>
    </message>
    <message>
        <source>socialtime: browser bridge off: {problem}</source>
        <translation>socialtime&#xa0;: passerelle du navigateur désactivée&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>socialtime: started; data in {path}, a look every {seconds} s.</source>
        <translation>socialtime&#xa0;: démarré&#xa0;; données dans {path}, un coup d&apos;œil toutes les {seconds} s.</translation>
    </message>
    <message>
        <source>Stop with Ctrl+C. Nothing is counted outside your work hours or without consent.</source>
        <translation>Arrêtez avec Ctrl+C. Rien n&apos;est compté hors de vos heures de travail ni sans votre consentement.</translation>
    </message>
    <message>
        <source>socialtime: stopped; {duration} recorded while the database could not be written is lost.</source>
        <translation>socialtime&#xa0;: arrêté&#xa0;; {duration} enregistrés pendant que la base de données ne pouvait pas être écrite sont perdus.</translation>
    </message>
    <message>
        <source>socialtime: stopped; everything recorded is saved.</source>
        <translation>socialtime&#xa0;: arrêté&#xa0;; tout ce qui a été enregistré est sauvegardé.</translation>
    </message>
    <message>
        <source>cannot open the database for now: {problem}
socialtime tries again (after {seconds} s, then less often, at least once a minute) and starts recording as soon as it can.</source>
        <translation>impossible d&apos;ouvrir la base de données pour l&apos;instant&#xa0;: {problem}
socialtime réessaie (après {seconds} s, puis moins souvent, au moins une fois par minute) et commence à enregistrer dès qu&apos;il le peut.</translation>
    </message>
    <message>
        <source>the database can be used again.</source>
        <translation>la base de données est de nouveau utilisable.</translation>
    </message>
    <message>
        <source>cannot read the database for now: {problem}
Nothing is counted until it can be read (tried again after {seconds} s, then less often, at least once a minute).</source>
        <translation>impossible de lire la base de données pour l&apos;instant&#xa0;: {problem}
Rien n&apos;est compté tant qu&apos;elle ne peut pas être lue (nouvel essai après {seconds} s, puis moins souvent, au moins une fois par minute).</translation>
    </message>
    <message>
        <source>cannot save for now: {problem}
Recording goes on: what is seen is kept in memory and saved as soon as the database can be written (tried again after {seconds} s, then less often, at least once a minute).</source>
        <translation>impossible d&apos;enregistrer pour l&apos;instant&#xa0;: {problem}
L&apos;enregistrement continue&#xa0;: ce qui est observé est gardé en mémoire et écrit dès que la base de données peut l&apos;être (nouvel essai après {seconds} s, puis moins souvent, au moins une fois par minute).</translation>
    </message>
    <message>
        <source>saving again; {duration} recorded meanwhile could not be kept.</source>
        <translation>l&apos;écriture reprend&#xa0;; {duration} enregistrés entre-temps n&apos;ont pas pu être gardés.</translation>
    </message>
    <message>
        <source>saving again; nothing recorded meanwhile was lost.</source>
        <translation>l&apos;écriture reprend&#xa0;; rien de ce qui a été enregistré entre-temps n&apos;est perdu.</translation>
    </message>
    <message>
        <source>waiting for your consent: read and accept with `socialtime consent --accept`.</source>
        <translation>en attente de votre consentement&#xa0;: lisez la notice et acceptez-la avec `socialtime consent --accept`.</translation>
    </message>
    <message>
        <source>outside your work hours; recording resumes at {when}.</source>
        <translation>hors de vos heures de travail&#xa0;; l&apos;enregistrement reprendra le {when}.</translation>
    </message>
    <message>
        <source>outside your work hours.</source>
        <translation>hors de vos heures de travail.</translation>
    </message>
    <message>
        <source>paused until {when}.</source>
        <translation>en pause jusqu&apos;au {when}.</translation>
    </message>
    <message>
        <source>paused.</source>
        <translation>en pause.</translation>
    </message>
    <message>
        <source>cannot see the desktop here; `socialtime doctor` tells why.</source>
        <translation>le bureau n&apos;est pas visible ici&#xa0;; `socialtime doctor` vous dit pourquoi.</translation>
    </message>
    <message>
        <source>Consent withdrawn: recording has stopped.</source>
        <translation>Consentement retiré&#xa0;: l&apos;enregistrement est arrêté.</translation>
    </message>
    <message numerus="yes">
        <source>Your recorded data (%n spans) is still in {path}.</source>
        <translation>
            <numerusform>Vos données enregistrées (%n période) sont toujours dans {path}.</numerusform>
            <numerusform>Vos données enregistrées (%n périodes) sont toujours dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase it all now? [y/N] </source>
        <translation>Tout effacer maintenant&#xa0;? [o/N] </translation>
    </message>
    <message>
        <source>Everything was erased.</source>
        <translation>Tout a été effacé.</translation>
    </message>
    <message>
        <source>To erase it: socialtime erase --all</source>
        <translation>Pour les effacer&#xa0;: socialtime erase --all</translation>
    </message>
    <message>
        <source>Thank you: recording will run during your work hours.</source>
        <translation>Merci&#xa0;: l&apos;enregistrement aura lieu pendant vos heures de travail.</translation>
    </message>
    <message>
        <source>Status: you accepted this notice on {when}.</source>
        <translation>État&#xa0;: vous avez accepté cette notice le {when}.</translation>
    </message>
    <message>
        <source>Status: you accepted an older notice (version {version}); accept this one to go on.</source>
        <translation>État&#xa0;: vous avez accepté une notice plus ancienne (version {version})&#xa0;; acceptez celle-ci pour continuer.</translation>
    </message>
    <message>
        <source>Status: not accepted; nothing is being recorded.</source>
        <translation>État&#xa0;: non acceptée&#xa0;; rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>--from and --to go together</source>
        <translation>--from et --to vont ensemble</translation>
    </message>
    <message>
        <source>an ISO week, one line per day (default: this week)</source>
        <translation>une semaine ISO, une ligne par jour (par défaut&#xa0;: cette semaine)</translation>
    </message>
    <message>
        <source>a calendar month, one line per day (default: this month)</source>
        <translation>un mois civil, une ligne par jour (par défaut&#xa0;: ce mois-ci)</translation>
    </message>
    <message>
        <source>30m, 1h, 90min or tomorrow (default 30m); at most a year (8760h): to stop for longer, withdraw consent</source>
        <translation>30m, 1h, 90min ou tomorrow (30m par défaut)&#xa0;; un an au plus (8760h)&#xa0;: pour arrêter plus longtemps, retirez votre consentement</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n spans.</source>
        <translation>
            <numerusform>%n période exportée.</numerusform>
            <numerusform>%n périodes exportées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n spans to {file}.</source>
        <translation>
            <numerusform>%n période exportée dans {file}.</numerusform>
            <numerusform>%n périodes exportées dans {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>not a file name this system can hold</source>
        <translation>ce système ne peut pas avoir un fichier de ce nom</translation>
    </message>
    <message>
        <source>-o {file}: is a directory; give a file name</source>
        <translation>-o {file}&#xa0;: c&apos;est un dossier&#xa0;; donnez un nom de fichier</translation>
    </message>
    <message>
        <source>-o {file}: cannot write there ({error})</source>
        <translation>-o {file}&#xa0;: impossible d&apos;écrire à cet endroit ({error})</translation>
    </message>
    <message>
        <source>give either --all or --from/--to, not both</source>
        <translation>donnez soit --all, soit --from/--to, pas les deux</translation>
    </message>
    <message>
        <source>everything recorded</source>
        <translation>tout ce qui a été enregistré</translation>
    </message>
    <message>
        <source>everything from {first} to {last}</source>
        <translation>tout du {first} au {last}</translation>
    </message>
    <message>
        <source>this would erase {what}; add --yes to confirm</source>
        <translation>cela effacerait {what}&#xa0;; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Rien n&apos;a été effacé.</translation>
    </message>
    <message>
        <source>Erased {what} ({duration} of recorded time).</source>
        <translation>Effacé&#xa0;: {what} ({duration} de temps enregistré).</translation>
    </message>
    <message>
        <source>{name}: {detail}</source>
        <translation>{name}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>none ({path}); defaults</source>
        <translation>aucun ({path})&#xa0;; valeurs par défaut</translation>
    </message>
    <message>
        <source>errors, using the defaults:</source>
        <translation>erreurs, valeurs par défaut utilisées&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>{path} (%n spans, readable by you only)</source>
        <translation>
            <numerusform>{path} (%n période, lisible par vous seul)</numerusform>
            <numerusform>{path} (%n périodes, lisible par vous seul)</numerusform>
        </translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>not given: `socialtime consent --accept`</source>
        <translation>non donné&#xa0;: `socialtime consent --accept`</translation>
    </message>
    <message>
        <source>now inside your work hours</source>
        <translation>vous êtes dans vos heures de travail</translation>
    </message>
    <message>
        <source>outside now; next start {when}</source>
        <translation>en dehors pour l&apos;instant&#xa0;; prochain début le {when}</translation>
    </message>
    <message>
        <source>no work day set</source>
        <translation>aucun jour travaillé défini</translation>
    </message>
    <message>
        <source>counts up to {duration} after the last input while the window in front plays</source>
        <translation>compte jusqu&apos;à {duration} après la dernière saisie tant que la fenêtre au premier plan joue</translation>
    </message>
    <message>
        <source>off (media_max_minutes = 0): time without input stops counting after the idle threshold, whatever plays</source>
        <translation>désactivé (media_max_minutes = 0)&#xa0;: le temps sans saisie cesse d&apos;être compté après le délai sans clavier ni souris, quoi qu&apos;il soit diffusé</translation>
    </message>
    <message>
        <source>the browser extension tells it for the tab in front (see browser bridge)</source>
        <translation>l&apos;extension du navigateur le dit pour l&apos;onglet au premier plan (voir passerelle du navigateur)</translation>
    </message>
    <message>
        <source>Organisation settings:</source>
        <translation>Paramètres de l&apos;organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Paused until {when}. Resume earlier with `socialtime resume`.</source>
        <translation>En pause jusqu&apos;au {when}. Reprenez plus tôt avec `socialtime resume`.</translation>
    </message>
    <message>
        <source>pause: {value} is not a duration (expected 30m, 1h, 90min or tomorrow)</source>
        <translation>pause&#xa0;: {value} n&apos;est pas une durée (attendu&#xa0;: 30m, 1h, 90min ou tomorrow)</translation>
    </message>
    <message>
        <source>pause: {value} is too long (at most a year: {hours}h); to stop recording for longer, quit socialtime or withdraw consent (`socialtime consent --withdraw`)</source>
        <translation>pause&#xa0;: {value} est trop longue (un an au plus&#xa0;: {hours}h)&#xa0;; pour arrêter l&apos;enregistrement plus longtemps, quittez socialtime ou retirez votre consentement (`socialtime consent --withdraw`)</translation>
    </message>
    <message>
        <source>Recording resumed (during your work hours).</source>
        <translation>Enregistrement repris (pendant vos heures de travail).</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>the following arguments are required: {args}</source>
        <translation>les arguments suivants sont obligatoires&#xa0;: {args}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {args}</source>
        <translation>arguments non reconnus&#xa0;: {args}</translation>
    </message>
    <message>
        <source>one of the arguments {args} is required</source>
        <translation>l&apos;un des arguments {args} est obligatoire</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>option ambiguë&#xa0;: {option} peut correspondre à {matches}</translation>
    </message>
    <message>
        <source>argument {argument}: {message}</source>
        <translation>argument {argument}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>choix non valide&#xa0;: {value} (choisissez parmi {choices})</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>valeur non valide pour le type {type}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>un argument au plus attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>un argument au moins attendu</translation>
    </message>
    <message>
        <source>not allowed with argument {other}</source>
        <translation>non autorisé avec l&apos;argument {other}</translation>
    </message>
    <message>
        <source>ignored explicit argument {value}</source>
        <translation>argument explicite ignoré&#xa0;: {value}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}&#xa0;: erreur&#xa0;: {message}</translation>
    </message>
    <message>
        <source>where the database lives (env {env}; default: the OS&apos;s user data dir)</source>
        <translation>où se trouve la base de données (variable d&apos;environnement {env}&#xa0;; par défaut&#xa0;: le dossier des données de l&apos;utilisateur sur ce système)</translation>
    </message>
    <message>
        <source>the TOML settings file (env {env}; default: the OS&apos;s user config dir)</source>
        <translation>le fichier de paramètres TOML (variable d&apos;environnement {env}&#xa0;; par défaut&#xa0;: le dossier de configuration de l&apos;utilisateur sur ce système)</translation>
    </message>
    <message>
        <source>See, for yourself only, how much of your work time goes to social sites. Data stays on this computer; nothing is recorded before you consent.</source>
        <translation>Voyez, pour vous seul, quelle part de votre temps de travail va aux réseaux sociaux. Les données restent sur cet ordinateur&#xa0;; rien n&apos;est enregistré avant votre consentement.</translation>
    </message>
    <message>
        <source>Without a command, starts the tray application.</source>
        <translation>Sans commande, lance l&apos;application dans la zone de notification.</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>afficher le numéro de version et quitter</translation>
    </message>
    <message>
        <source>open this window of the tray application (of the running one, if any)</source>
        <translation>ouvrir cette fenêtre de l&apos;application de la zone de notification (celle qui tourne déjà, s&apos;il y en a une)</translation>
    </message>
    <message>
        <source>run by a login entry that your organisation installed: offer socialtime (the notice) unless you declined or already accepted; does nothing unless the organisation policy sets invite_at_login</source>
        <translation>lancé à l&apos;ouverture de session par une entrée que votre organisation a installée&#xa0;: propose socialtime (la notice) sauf si vous avez refusé ou déjà accepté&#xa0;; ne fait rien si la politique de l&apos;organisation ne définit pas invite_at_login</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>Record without a window until Ctrl+C or SIGTERM, then save and exit.</source>
        <translation>Enregistrer sans fenêtre jusqu&apos;à Ctrl+C ou SIGTERM, puis sauvegarder et quitter.</translation>
    </message>
    <message>
        <source>Show the privacy notice; accept it or withdraw consent.</source>
        <translation>Afficher la notice de confidentialité&#xa0;; l&apos;accepter ou retirer votre consentement.</translation>
    </message>
    <message>
        <source>accept the notice: recording may start</source>
        <translation>accepter la notice&#xa0;: l&apos;enregistrement peut commencer</translation>
    </message>
    <message>
        <source>withdraw consent: recording stops</source>
        <translation>retirer votre consentement&#xa0;: l&apos;enregistrement s&apos;arrête</translation>
    </message>
    <message>
        <source>Show active and social time (default: today).</source>
        <translation>Afficher le temps actif et le temps sur les réseaux sociaux (par défaut&#xa0;: aujourd&apos;hui).</translation>
    </message>
    <message>
        <source>one day</source>
        <translation>un jour</translation>
    </message>
    <message>
        <source>first day of a range</source>
        <translation>premier jour d&apos;une période</translation>
    </message>
    <message>
        <source>last day of a range (with --from)</source>
        <translation>dernier jour d&apos;une période (avec --from)</translation>
    </message>
    <message>
        <source>print one JSON object (for scripts)</source>
        <translation>afficher un objet JSON (pour les scripts)</translation>
    </message>
    <message>
        <source>Export everything recorded, as CSV or JSON.</source>
        <translation>Exporter tout ce qui a été enregistré, en CSV ou en JSON.</translation>
    </message>
    <message>
        <source>default: csv</source>
        <translation>par défaut&#xa0;: csv</translation>
    </message>
    <message>
        <source>write to FILE (default: standard output)</source>
        <translation>écrire dans FILE (par défaut&#xa0;: la sortie standard)</translation>
    </message>
    <message>
        <source>Erase everything, or the days of a date range.</source>
        <translation>Effacer tout, ou les jours d&apos;une période.</translation>
    </message>
    <message>
        <source>erase everything recorded</source>
        <translation>effacer tout ce qui a été enregistré</translation>
    </message>
    <message>
        <source>first day to erase</source>
        <translation>premier jour à effacer</translation>
    </message>
    <message>
        <source>last day to erase</source>
        <translation>dernier jour à effacer</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>ne pas demander de confirmation</translation>
    </message>
    <message>
        <source>say what to erase: --all, or --from {form} --to {form}</source>
        <translation>dites quoi effacer&#xa0;: --all, ou --from {form} --to {form}</translation>
    </message>
    <message>
        <source>Nothing is recorded there: there is nothing to erase.</source>
        <translation>Rien n&apos;est enregistré sur cette période&#xa0;: il n&apos;y a rien à effacer.</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n day(s) of data ({what}, in {path})? This cannot be undone. [y/N] </source>
        <translation>
            <numerusform>Effacer %n jour de données ({what}, dans {path})&#xa0;? C&apos;est irréversible. [o/N] </numerusform>
            <numerusform>Effacer %n jours de données ({what}, dans {path})&#xa0;? C&apos;est irréversible. [o/N] </numerusform>
        </translation>
    </message>
    <message>
        <source>Tell what this computer lets socialtime see, and how to fix it.</source>
        <translation>Dire ce que cet ordinateur laisse voir à socialtime, et comment y remédier.</translation>
    </message>
    <message>
        <source>Pause recording for a while (30m, 1h, tomorrow).</source>
        <translation>Mettre l&apos;enregistrement en pause un moment (30m, 1h, tomorrow).</translation>
    </message>
    <message>
        <source>Resume recording after a pause.</source>
        <translation>Reprendre l&apos;enregistrement après une pause.</translation>
    </message>
    <message>
        <source>--invite goes without a command</source>
        <translation>--invite s&apos;emploie sans commande</translation>
    </message>
    <message>
        <source>y</source>
        <translation>o</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{file}: {key}</source>
        <translation>{file}&#xa0;: {key}</translation>
    </message>
    <message>
        <source>{setting}: {reason} (expected {expected})</source>
        <translation>{setting}&#xa0;: {reason} (il faut {expected})</translation>
    </message>
    <message>
        <source>{setting}: expected {expected}</source>
        <translation>{setting}&#xa0;: il faut {expected}</translation>
    </message>
    <message>
        <source>{value} is not a date of the calendar</source>
        <translation>{value} n&apos;est pas une date du calendrier</translation>
    </message>
    <message>
        <source>invalid regular expression: {error}</source>
        <translation>expression régulière non valide&#xa0;: {error}</translation>
    </message>
    <message>
        <source>a string such as &quot;09:00-12:30, 13:30-18:00&quot;, or &quot;&quot; for a day off</source>
        <translation>une chaîne comme &quot;09:00-12:30, 13:30-18:00&quot;, ou &quot;&quot; pour un jour de repos</translation>
    </message>
    <message>
        <source>a lowercase domain such as &quot;example.com&quot;</source>
        <translation>un domaine en minuscules comme &quot;example.com&quot;</translation>
    </message>
    <message>
        <source>a lowercase hostname such as &quot;www.example.com&quot;</source>
        <translation>un nom d&apos;hôte en minuscules comme &quot;www.example.com&quot;</translation>
    </message>
    <message>
        <source>a table with at least an id</source>
        <translation>une table avec au moins un id</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>une chaîne non vide</translation>
    </message>
    <message>
        <source>an array of hostnames</source>
        <translation>un tableau de noms d&apos;hôte</translation>
    </message>
    <message>
        <source>an array of regular expressions (strings)</source>
        <translation>un tableau d&apos;expressions régulières (des chaînes)</translation>
    </message>
    <message>
        <source>a regular expression string</source>
        <translation>une chaîne d&apos;expression régulière</translation>
    </message>
    <message>
        <source>an array of process names</source>
        <translation>un tableau de noms de processus</translation>
    </message>
    <message>
        <source>a process name string</source>
        <translation>une chaîne de nom de processus</translation>
    </message>
    <message>
        <source>an integer number of minutes between 1 and 1440</source>
        <translation>un nombre entier de minutes entre 1 et 1440</translation>
    </message>
    <message>
        <source>a table with keys daily_minutes, weekly_minutes, focus and sites</source>
        <translation>une table avec les clés daily_minutes, weekly_minutes, focus et sites</translation>
    </message>
    <message>
        <source>At most this many minutes on social sites each work day, all together.</source>
        <translation>Au plus ce nombre de minutes sur les réseaux sociaux chaque jour travaillé, tous ensemble.</translation>
    </message>
    <message>
        <source>an integer number of minutes between 1 and 10080</source>
        <translation>un nombre entier de minutes entre 1 et 10080</translation>
    </message>
    <message>
        <source>At most this many minutes on social sites in the whole ISO week.</source>
        <translation>Au plus ce nombre de minutes sur les réseaux sociaux sur toute la semaine ISO.</translation>
    </message>
    <message>
        <source>a string such as &quot;09:00-11:00, 14:00-15:00&quot;, or &quot;&quot;</source>
        <translation>une chaîne comme &quot;09:00-11:00, 14:00-15:00&quot;, ou &quot;&quot;</translation>
    </message>
    <message>
        <source>Periods of each work day without social sites, such as 09:00-11:00, 14:00-15:00.</source>
        <translation>Plages de chaque jour travaillé sans réseaux sociaux, par exemple 09:00-11:00, 14:00-15:00.</translation>
    </message>
    <message>
        <source>a table of site ids and minutes, such as &quot;youtube.com&quot; = 10</source>
        <translation>une table d&apos;id de sites et de minutes, comme &quot;youtube.com&quot; = 10</translation>
    </message>
    <message>
        <source>At most this many minutes on one site each work day, site by site.</source>
        <translation>Au plus ce nombre de minutes sur un site chaque jour travaillé, site par site.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a table with keys budget, focus and reflection</source>
        <translation>une table avec les clés budget, focus et reflection</translation>
    </message>
    <message>
        <source>A notification at 80 % and at 100 % of a daily budget.</source>
        <translation>Une notification à 80&#xa0;% et à 100&#xa0;% d&apos;un budget quotidien.</translation>
    </message>
    <message>
        <source>A notification when a social site comes to the front in a focus period.</source>
        <translation>Une notification quand un réseau social passe au premier plan pendant une plage de concentration.</translation>
    </message>
    <message>
        <source>On the first work day of the week, last week compared with the one before.</source>
        <translation>Le premier jour travaillé de la semaine, la semaine passée comparée à la précédente.</translation>
    </message>
    <message>
        <source>The work hours of that day; nothing is recorded outside them.</source>
        <translation>Les heures de travail de ce jour&#xa0;; rien n&apos;est enregistré en dehors.</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>une table</translation>
    </message>
    <message>
        <source>a number of seconds between 1 and 60</source>
        <translation>un nombre de secondes entre 1 et 60</translation>
    </message>
    <message>
        <source>How often socialtime checks which window is in front.</source>
        <translation>La fréquence à laquelle socialtime regarde quelle fenêtre est au premier plan.</translation>
    </message>
    <message>
        <source>an integer number of seconds between 1 and 3600</source>
        <translation>un nombre entier de secondes entre 1 et 3600</translation>
    </message>
    <message>
        <source>Time without keyboard or mouse input is not counted.</source>
        <translation>Le temps passé sans clavier ni souris n&apos;est pas compté.</translation>
    </message>
    <message>
        <source>an integer number of minutes between 0 (off) and 1440</source>
        <translation>un nombre entier de minutes entre 0 (désactivé) et 1440</translation>
    </message>
    <message>
        <source>A site or a call in front that plays sound keeps counting without input, up to this long after your last input.</source>
        <translation>Un site ou un appel au premier plan qui émet du son continue d&apos;être compté sans clavier ni souris, jusqu&apos;à ce délai après votre dernière saisie.</translation>
    </message>
    <message>
        <source>an integer number of days between 0 (keep forever) and 3650</source>
        <translation>un nombre entier de jours entre 0 (tout garder) et 3650</translation>
    </message>
    <message>
        <source>Older data is erased automatically.</source>
        <translation>Les données plus anciennes sont effacées automatiquement.</translation>
    </message>
    <message>
        <source>a table with keys mon..sun</source>
        <translation>une table avec les clés mon..sun</translation>
    </message>
    <message>
        <source>an array of dates such as [&quot;2026-12-25&quot;]</source>
        <translation>un tableau de dates comme [&quot;2026-12-25&quot;]</translation>
    </message>
    <message>
        <source>a date &quot;YYYY-MM-DD&quot;</source>
        <translation>une date &quot;AAAA-MM-JJ&quot;</translation>
    </message>
    <message>
        <source>Days off and holidays: nothing is recorded on them.</source>
        <translation>Jours de congé et jours fériés&#xa0;: rien n&apos;est enregistré ces jours-là.</translation>
    </message>
    <message>
        <source>a table with keys disabled and custom</source>
        <translation>une table avec les clés disabled et custom</translation>
    </message>
    <message>
        <source>an array of site ids such as [&quot;linkedin.com&quot;]</source>
        <translation>un tableau d&apos;id de sites comme [&quot;linkedin.com&quot;]</translation>
    </message>
    <message>
        <source>Sites of the catalogue that you do not want counted.</source>
        <translation>Les sites du catalogue que vous ne voulez pas voir comptés.</translation>
    </message>
    <message>
        <source>an array of tables ([[sites.custom]])</source>
        <translation>un tableau de tables ([[sites.custom]])</translation>
    </message>
    <message>
        <source>Your own sites, counted like those of the catalogue.</source>
        <translation>Vos propres sites, comptés comme ceux du catalogue.</translation>
    </message>
    <message>
        <source>&quot;auto&quot; (the system&apos;s language), &quot;en&quot; or &quot;fr&quot;</source>
        <translation>&quot;auto&quot; (la langue du système), &quot;en&quot; ou &quot;fr&quot;</translation>
    </message>
    <message>
        <source>The language of socialtime: the system&apos;s (auto), English or French.</source>
        <translation>La langue de socialtime&#xa0;: celle du système (auto), l&apos;anglais ou le français.</translation>
    </message>
    <message>
        <source>not a site id</source>
        <translation>pas un id de site</translation>
    </message>
    <message>
        <source>unknown setting, did you mean {key}?</source>
        <translation>réglage inconnu, vouliez-vous dire {key}&#xa0;?</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>réglage inconnu</translation>
    </message>
    <message>
        <source>one of {keys}</source>
        <translation>l&apos;un des réglages {keys}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>duplicate id, also used by {key}</source>
        <translation>id en double, déjà utilisé par {key}</translation>
    </message>
    <message>
        <source>a unique id</source>
        <translation>un id unique</translation>
    </message>
</context>
<context>
    <name>consent</name>
    <message>
        <source>time per social site (for example facebook.com, youtube.com), and</source>
        <translation>le temps passé sur chaque réseau social (par exemple facebook.com, youtube.com), et</translation>
    </message>
    <message>
        <source>your total active work time (time at the computer that is not on a social site).</source>
        <translation>votre temps actif total (le temps passé à l&apos;ordinateur ailleurs que sur un réseau social).</translation>
    </message>
    <message>
        <source>Watching is not idle: while the window in front plays sound (a video, a call), time goes on counting without keyboard or mouse input, for at most one hour after your last input unless you choose otherwise in the settings (or switch it off). Whether something plays is read on this computer, from the browser extension and from the desktop, and never stored.</source>
        <translation>Regarder compte aussi&#xa0;: tant que la fenêtre au premier plan émet du son (une vidéo, un appel), le temps continue d&apos;être compté sans clavier ni souris, au plus une heure après votre dernière saisie, sauf si vous choisissez autre chose dans les paramètres (ou le désactivez). Le fait qu&apos;un son soit émis est lu sur cet ordinateur, par l&apos;extension du navigateur et par le bureau, et n&apos;est jamais enregistré.</translation>
    </message>
    <message>
        <source>window titles, web addresses (URLs), file names, the names of your other applications, keystrokes, screenshots, what plays, anything outside your work hours, and idle time (after a few minutes without input, time stops counting, unless the window in front plays sound).</source>
        <translation>les titres des fenêtres, les adresses web (URL), les noms de fichiers, les noms de vos autres applications, les frappes au clavier, les captures d&apos;écran, ce qui est diffusé, tout ce qui se passe en dehors de vos heures de travail, et le temps sans clavier ni souris (après quelques minutes sans saisie, le décompte s&apos;arrête, sauf si la fenêtre au premier plan émet du son).</translation>
    </message>
    <message>
        <source>No network connection is ever opened. Only you can see it: not your employer, not IT.</source>
        <translation>Aucune connexion réseau n&apos;est jamais ouverte. Ces données ne sont visibles que par vous&#xa0;: ni par votre employeur, ni par le service informatique.</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>mettre en pause</translation>
    </message>
    <message>
        <source>socialtime pause 30m   (or 1h, or &quot;tomorrow&quot;), then socialtime resume</source>
        <translation>socialtime pause 30m   (ou 1h, ou &quot;tomorrow&quot;), puis socialtime resume</translation>
    </message>
    <message>
        <source>see it</source>
        <translation>les consulter</translation>
    </message>
    <message>
        <source>export it</source>
        <translation>les exporter</translation>
    </message>
    <message>
        <source>socialtime export --format csv -o my-data.csv</source>
        <translation>socialtime export --format csv -o mes-donnees.csv</translation>
    </message>
    <message>
        <source>erase it</source>
        <translation>les effacer</translation>
    </message>
    <message>
        <source>socialtime erase --all   (or --from DATE --to DATE)</source>
        <translation>socialtime erase --all   (ou --from DATE --to DATE)</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>retirer votre consentement</translation>
    </message>
    <message>
        <source>socialtime consent --withdraw   (recording stops at once)</source>
        <translation>socialtime consent --withdraw   (l&apos;enregistrement s&apos;arrête aussitôt)</translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>from the tray menu: for 30 minutes, 1 hour or until tomorrow.</source>
        <translation>depuis le menu de la zone de notification&#xa0;: pour 30 minutes, 1 heure ou jusqu&apos;à demain.</translation>
    </message>
    <message>
        <source>See it</source>
        <translation>Les consulter</translation>
    </message>
    <message>
        <source>in the Dashboard, from the tray menu.</source>
        <translation>dans le Tableau de bord, depuis le menu de la zone de notification.</translation>
    </message>
    <message>
        <source>Export it</source>
        <translation>Les exporter</translation>
    </message>
    <message>
        <source>in Settings › Data, as CSV or JSON.</source>
        <translation>dans Paramètres › Données, au format CSV ou JSON.</translation>
    </message>
    <message>
        <source>Erase it</source>
        <translation>Les effacer</translation>
    </message>
    <message>
        <source>in Settings › Data: some days, or everything.</source>
        <translation>dans Paramètres › Données&#xa0;: certains jours, ou tout.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirer votre consentement</translation>
    </message>
    <message>
        <source>in Settings › Data: recording stops at once.</source>
        <translation>dans Paramètres › Données&#xa0;: l&apos;enregistrement s&apos;arrête aussitôt.</translation>
    </message>
    <message>
        <source>socialtime — privacy notice (version {version})</source>
        <translation>socialtime — notice de confidentialité (version {version})</translation>
    </message>
    <message>
        <source>What is recorded, during your work hours only:</source>
        <translation>Ce qui est enregistré, uniquement pendant vos heures de travail&#xa0;:</translation>
    </message>
    <message>
        <source>What is never recorded:</source>
        <translation>Ce qui n&apos;est jamais enregistré&#xa0;:</translation>
    </message>
    <message>
        <source>Where it is stored: on this computer only, in</source>
        <translation>Où les données sont conservées&#xa0;: uniquement sur cet ordinateur, dans le dossier</translation>
    </message>
    <message>
        <source>What you can do at any time:</source>
        <translation>Ce que vous pouvez faire à tout moment&#xa0;:</translation>
    </message>
    <message>
        <source>Recording starts only after you accept: socialtime consent --accept</source>
        <translation>L&apos;enregistrement ne commence qu&apos;après votre accord&#xa0;: socialtime consent --accept</translation>
    </message>
    <message>
        <source>What socialtime records</source>
        <translation>Ce que socialtime enregistre</translation>
    </message>
    <message>
        <source>During your work hours only:</source>
        <translation>Uniquement pendant vos heures de travail&#xa0;:</translation>
    </message>
    <message>
        <source>What it never records</source>
        <translation>Ce qu&apos;il n&apos;enregistre jamais</translation>
    </message>
    <message>
        <source>Where it is kept, and who sees it</source>
        <translation>Où les données sont conservées, et qui les voit</translation>
    </message>
    <message>
        <source>On this computer only, in &lt;code&gt;{path}&lt;/code&gt;.</source>
        <translation>Uniquement sur cet ordinateur, dans le dossier &lt;code&gt;{path}&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>What you can do at any time</source>
        <translation>Ce que vous pouvez faire à tout moment</translation>
    </message>
    <message>
        <source>Nothing is recorded until you choose &lt;b&gt;Accept&lt;/b&gt;.</source>
        <translation>Rien n&apos;est enregistré tant que vous n&apos;avez pas choisi &lt;b&gt;Accepter&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>(Notice version {version}.)</source>
        <translation>(Version {version} de la notice.)</translation>
    </message>
</context>
<context>
    <name>dbus_session</name>
    <message>
        <source>not used</source>
        <translation>non utilisé</translation>
    </message>
    <message>
        <source>lost {bus}: {error}</source>
        <translation>connexion perdue avec {bus}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>logind: suspend is seen; no logind session found for LockedHint</source>
        <translation>logind&#xa0;: la mise en veille est vue&#xa0;; aucune session logind trouvée pour LockedHint</translation>
    </message>
    <message>
        <source>logind: suspend and the lock of session {path} are seen</source>
        <translation>logind&#xa0;: la mise en veille et le verrouillage de la session {path} sont vus</translation>
    </message>
    <message>
        <source>screensaver: {service}</source>
        <translation>économiseur d&apos;écran&#xa0;: {service}</translation>
    </message>
    <message>
        <source>no screensaver service answers (its signal is still heard)</source>
        <translation>aucun service d&apos;économiseur d&apos;écran ne répond (son signal reste écouté)</translation>
    </message>
    <message>
        <source>system bus: no answer yet</source>
        <translation>bus système&#xa0;: pas encore de réponse</translation>
    </message>
    <message>
        <source>session bus: no answer yet</source>
        <translation>bus de session&#xa0;: pas encore de réponse</translation>
    </message>
    <message>
        <source>{system}; {session}</source>
        <translation>{system}&#xa0;; {session}</translation>
    </message>
    <message>
        <source>{status} — lock and suspend are not seen over D-Bus; a locked screen still counts as idle once the idle threshold passes (install and start dbus and systemd-logind or elogind to fix this)</source>
        <translation>{status} — le verrouillage et la mise en veille ne sont pas vus par D-Bus&#xa0;; un écran verrouillé compte tout de même comme absence de saisie une fois le délai sans clavier ni souris écoulé (pour y remédier, installez et démarrez dbus et systemd-logind ou elogind)</translation>
    </message>
</context>
<context>
    <name>dbusio</name>
    <message>
        <source>the session bus</source>
        <translation>le bus de session</translation>
    </message>
    <message>
        <source>the system bus</source>
        <translation>le bus système</translation>
    </message>
    <message>
        <source>D-Bus {address}</source>
        <translation>D-Bus {address}</translation>
    </message>
    <message>
        <source>jeepney is missing ({error}): pip install jeepney</source>
        <translation>jeepney est absent ({error})&#xa0;: pip install jeepney</translation>
    </message>
    <message>
        <source>{bus} is not known here ({variable} is not set)</source>
        <translation>{bus} est inconnu ici ({variable} n&apos;est pas définie)</translation>
    </message>
    <message>
        <source>cannot connect to {bus}: {error}</source>
        <translation>connexion impossible avec {bus}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{service} did not answer {method} within {seconds} s</source>
        <translation>{service} n&apos;a pas répondu à {method} en {seconds} s</translation>
    </message>
    <message>
        <source>lost the connection while calling {service} {method}: {error}</source>
        <translation>connexion perdue pendant l&apos;appel de {service} {method}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot subscribe to {signal}: {error}</source>
        <translation>abonnement impossible à {signal}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>signals</source>
        <translation>signaux</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <source>Install or remove what your desktop needs so that socialtime sees the window in front (on GNOME: socialtime&apos;s GNOME Shell extension).</source>
        <translation>Installer ou retirer ce dont votre bureau a besoin pour que socialtime voie la fenêtre au premier plan (sous GNOME&#xa0;: l&apos;extension GNOME Shell de socialtime).</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>install or uninstall</source>
        <translation>install ou uninstall</translation>
    </message>
    <message>
        <source>Install socialtime&apos;s GNOME Shell extension for you, in the form your GNOME version needs, and enable it (GNOME loads it at your next login).</source>
        <translation>Installer pour vous l&apos;extension GNOME Shell de socialtime, sous la forme qu&apos;exige votre version de GNOME, et l&apos;activer (GNOME la charge à votre prochaine connexion).</translation>
    </message>
    <message>
        <source>the GNOME Shell version to install for, e.g. 46 (default: the one that runs, else `gnome-shell --version`)</source>
        <translation>la version de GNOME Shell pour laquelle installer, par exemple 46 (par défaut&#xa0;: celle qui tourne, sinon `gnome-shell --version`)</translation>
    </message>
    <message>
        <source>Disable socialtime&apos;s GNOME Shell extension and remove your copy of it (a copy installed for all users by a package stays).</source>
        <translation>Désactiver l&apos;extension GNOME Shell de socialtime et supprimer votre copie (une copie installée pour tous les utilisateurs par un paquet reste en place).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>This desktop ({desktop}) needs nothing installed: socialtime&apos;s extension is for GNOME; KDE&apos;s KWin script is loaded when socialtime starts, and wlroots compositors (sway, Hyprland...) need nothing. `socialtime doctor` says what is seen.</source>
        <translation>Ce bureau ({desktop}) n&apos;a besoin de rien d&apos;installé&#xa0;: l&apos;extension de socialtime est pour GNOME&#xa0;; le script KWin de KDE est chargé au lancement de socialtime, et les compositeurs wlroots (sway, Hyprland…) n&apos;ont besoin de rien. `socialtime doctor` dit ce qui est vu.</translation>
    </message>
    <message>
        <source>Nothing to remove.</source>
        <translation>Rien à supprimer.</translation>
    </message>
</context>
<context>
    <name>doctor</name>
    <message>
        <source>foreground window</source>
        <translation>fenêtre au premier plan</translation>
    </message>
    <message>
        <source>window titles</source>
        <translation>titres des fenêtres</translation>
    </message>
    <message>
        <source>idle time</source>
        <translation>absence de saisie</translation>
    </message>
    <message>
        <source>screen lock</source>
        <translation>verrouillage de l&apos;écran</translation>
    </message>
    <message>
        <source>browser pages</source>
        <translation>pages du navigateur</translation>
    </message>
    <message>
        <source>browser bridge</source>
        <translation>passerelle du navigateur</translation>
    </message>
    <message>
        <source>config</source>
        <translation>configuration</translation>
    </message>
    <message>
        <source>data</source>
        <translation>données</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>work hours</source>
        <translation>heures de travail</translation>
    </message>
    <message>
        <source>shell extension</source>
        <translation>extension du shell</translation>
    </message>
    <message>
        <source>sound and video</source>
        <translation>son et vidéo</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>too large (more than {size} MiB)</source>
        <translation>trop volumineux (plus de {size} Mio)</translation>
    </message>
    <message>
        <source>too large (more than {size} KiB)</source>
        <translation>trop volumineux (plus de {size} Kio)</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep (at line {line}, column {column})</source>
        <translation>imbriqué sur plus de {limit} niveaux (à la ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep (at key {key})</source>
        <translation>imbriqué sur plus de {limit} niveaux (à la clé {key})</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep</source>
        <translation>imbriqué sur plus de {limit} niveaux</translation>
    </message>
    <message>
        <source>not valid JSON, truncated or damaged ({error} at line {line}, column {column})</source>
        <translation>JSON invalide, fichier tronqué ou endommagé ({error} à la ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>not valid JSON: {error}</source>
        <translation>JSON invalide&#xa0;: {error}</translation>
    </message>
    <message>
        <source>not a property list ({error})</source>
        <translation>pas une liste de propriétés ({error})</translation>
    </message>
    <message>
        <source>not valid TOML: {error}</source>
        <translation>TOML non valide&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot read the file ({error})</source>
        <translation>impossible de lire le fichier ({error})</translation>
    </message>
    <message>
        <source>not a regular file but a device, a pipe or a socket</source>
        <translation>pas un fichier ordinaire, mais un périphérique, un tube ou une socket</translation>
    </message>
    <message>
        <source>not a UTF-8 text file (bad byte at offset {offset})</source>
        <translation>pas un fichier texte UTF-8 (octet non valide à la position {offset})</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{path} is a symbolic link made by another user (uid {uid}); socialtime keeps your data only in a folder of yours</source>
        <translation>{path} est un lien symbolique créé par un autre utilisateur (uid {uid})&#xa0;; socialtime ne garde vos données que dans un dossier à vous</translation>
    </message>
    <message>
        <source>{path} is a symbolic link to {target}, which does not exist; socialtime does not create the folder a link points to</source>
        <translation>{path} est un lien symbolique vers {target}, qui n&apos;existe pas&#xa0;; socialtime ne crée pas le dossier vers lequel pointe un lien</translation>
    </message>
    <message>
        <source>{path} is not a folder; socialtime keeps your data only in a folder</source>
        <translation>{path} n&apos;est pas un dossier&#xa0;; socialtime ne garde vos données que dans un dossier</translation>
    </message>
    <message>
        <source>{path} belongs to another user (uid {uid}); socialtime keeps your data only in a folder of yours</source>
        <translation>{path} appartient à un autre utilisateur (uid {uid})&#xa0;; socialtime ne garde vos données que dans un dossier à vous</translation>
    </message>
    <message>
        <source>{path} can be written by other users (mode {mode}); socialtime keeps your data only in a folder that is yours alone: make it so with chmod 700, or choose another folder</source>
        <translation>{path} peut être modifié par d&apos;autres utilisateurs (droits {mode})&#xa0;; socialtime ne garde vos données que dans un dossier à vous seul&#xa0;: rendez-le privé avec chmod 700, ou choisissez un autre dossier</translation>
    </message>
    <message>
        <source>{path} is not a regular file; socialtime opens only a regular file it owns</source>
        <translation>{path} n&apos;est pas un fichier ordinaire&#xa0;; socialtime n&apos;ouvre qu&apos;un fichier ordinaire qui lui appartient</translation>
    </message>
    <message>
        <source>{path} belongs to another user (uid {uid}); socialtime opens only a regular file it owns</source>
        <translation>{path} appartient à un autre utilisateur (uid {uid})&#xa0;; socialtime n&apos;ouvre qu&apos;un fichier ordinaire qui lui appartient</translation>
    </message>
    <message>
        <source>{path} is a symbolic link; socialtime opens only a regular file it owns</source>
        <translation>{path} est un lien symbolique&#xa0;; socialtime n&apos;ouvre qu&apos;un fichier ordinaire qui lui appartient</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} à {last}</translation>
    </message>
    <message>
        <source>{days}: {hours}</source>
        <translation>{days}&#xa0;: {hours}</translation>
    </message>
    <message>
        <source>No work hours are set: nothing is recorded.</source>
        <translation>Aucune heure de travail n&apos;est définie&#xa0;: rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>{days}: not recorded</source>
        <translation>{days}&#xa0;: pas d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Its icon is now at the top right of your screen.</source>
        <translation>Son icône est en ce moment en haut à droite de l&apos;écran.</translation>
    </message>
    <message>
        <source>Its icon is now at the top left of your screen.</source>
        <translation>Son icône est en ce moment en haut à gauche de l&apos;écran.</translation>
    </message>
    <message>
        <source>Its icon is now at the bottom right of your screen.</source>
        <translation>Son icône est en ce moment en bas à droite de l&apos;écran.</translation>
    </message>
    <message>
        <source>Its icon is now at the bottom left of your screen.</source>
        <translation>Son icône est en ce moment en bas à gauche de l&apos;écran.</translation>
    </message>
</context>
<context>
    <name>gnome</name>
    <message>
        <source>GNOME on Wayland shows the window in front only to a GNOME Shell extension: run `socialtime desktop install` (socialtime&apos;s own), then log out and back in; or install &quot;Focused Window D-Bus&quot; (extensions.gnome.org/extension/5592) or &quot;Window Calls&quot; (extensions.gnome.org/extension/4724) and enable it</source>
        <translation>GNOME sous Wayland ne montre la fenêtre au premier plan qu&apos;à une extension GNOME Shell&#xa0;: lancez `socialtime desktop install` (celle de socialtime), puis déconnectez-vous et reconnectez-vous&#xa0;; ou installez «&#xa0;Focused Window D-Bus&#xa0;» (extensions.gnome.org/extension/5592) ou «&#xa0;Window Calls&#xa0;» (extensions.gnome.org/extension/4724) et activez-la</translation>
    </message>
    <message>
        <source>GNOME Shell extension &quot;{extension}&quot;</source>
        <translation>extension GNOME Shell «&#xa0;{extension}&#xa0;»</translation>
    </message>
    <message>
        <source>{source}; in front: {app} (app id {app_id})</source>
        <translation>{source}&#xa0;; au premier plan&#xa0;: {app} (identifiant d&apos;application {app_id})</translation>
    </message>
    <message>
        <source>{hint}; meanwhile only X11 apps (under XWayland) are seen</source>
        <translation>{hint}&#xa0;; en attendant, seules les applications X11 (sous XWayland) sont vues</translation>
    </message>
    <message>
        <source>from the same extension, used in memory only, never stored</source>
        <translation>par la même extension, utilisés en mémoire seulement, jamais enregistrés</translation>
    </message>
    <message>
        <source>no titles without the extension (see above)</source>
        <translation>pas de titres sans l&apos;extension (voir plus haut)</translation>
    </message>
    <message>
        <source>Mutter IdleMonitor: {seconds} s idle</source>
        <translation>Mutter IdleMonitor&#xa0;: {seconds} s sans saisie</translation>
    </message>
    <message>
        <source>Mutter IdleMonitor does not answer ({error}); is this GNOME?</source>
        <translation>Mutter IdleMonitor ne répond pas ({error})&#xa0;; est-ce bien GNOME&#xa0;?</translation>
    </message>
    <message>
        <source>GNOME reports its lock screen over D-Bus only</source>
        <translation>GNOME ne signale son écran de verrouillage que par D-Bus</translation>
    </message>
    <message>
        <source>{status}; meanwhile &quot;{extension}&quot; shows the window</source>
        <translation>{status}&#xa0;; en attendant, «&#xa0;{extension}&#xa0;» montre la fenêtre</translation>
    </message>
</context>
<context>
    <name>gnome_extension</name>
    <message>
        <source>the GNOME 43/44 form</source>
        <translation>la forme pour GNOME 43/44</translation>
    </message>
    <message>
        <source>the GNOME 45 and later form</source>
        <translation>la forme pour GNOME 45 et suivants</translation>
    </message>
    <message>
        <source>gsettings is missing ({error}): install libglib2.0-bin</source>
        <translation>gsettings est absent ({error})&#xa0;: installez libglib2.0-bin</translation>
    </message>
    <message>
        <source>`{command}` failed: {error}</source>
        <translation>`{command}` a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>org.gnome.shell {key} is not a list of names</source>
        <translation>org.gnome.shell {key} n&apos;est pas une liste de noms</translation>
    </message>
    <message>
        <source>cannot tell which GNOME Shell runs here (it does not answer on the session bus and `gnome-shell --version` fails): give it with --shell-version</source>
        <translation>impossible de savoir quel GNOME Shell tourne ici (il ne répond pas sur le bus de session et `gnome-shell --version` échoue)&#xa0;: indiquez-le avec --shell-version</translation>
    </message>
    <message>
        <source>GNOME Shell {version}: socialtime&apos;s extension needs GNOME 43 or later; on an older GNOME, use &quot;Focused Window D-Bus&quot; or &quot;Window Calls&quot; from extensions.gnome.org</source>
        <translation>GNOME Shell {version}&#xa0;: l&apos;extension de socialtime demande GNOME 43 ou plus récent&#xa0;; sur un GNOME plus ancien, utilisez «&#xa0;Focused Window D-Bus&#xa0;» ou «&#xa0;Window Calls&#xa0;» d&apos;extensions.gnome.org</translation>
    </message>
    <message>
        <source>GNOME Shell {version} needs {form} ({uuid}).</source>
        <translation>GNOME Shell {version} demande {form} ({uuid}).</translation>
    </message>
    <message>
        <source>Already installed for all users in {path}.</source>
        <translation>Déjà installée pour tous les utilisateurs dans {path}.</translation>
    </message>
    <message>
        <source>this copy of socialtime does not carry its GNOME Shell extension (packaging/gnome-shell-extension/ in the source)</source>
        <translation>cette copie de socialtime n&apos;a pas son extension GNOME Shell (packaging/gnome-shell-extension/ dans les sources)</translation>
    </message>
    <message>
        <source>Copied to {path}.</source>
        <translation>Copiée dans {path}.</translation>
    </message>
    <message>
        <source>User extensions are switched off: switch them on in the Extensions app (or `gsettings set org.gnome.shell disable-user-extensions false`).</source>
        <translation>Les extensions de l&apos;utilisateur sont désactivées&#xa0;: activez-les dans l&apos;application Extensions (ou `gsettings set org.gnome.shell disable-user-extensions false`).</translation>
    </message>
    <message>
        <source>{path}: not a readable metadata.json ({error})</source>
        <translation>{path}&#xa0;: pas un metadata.json lisible ({error})</translation>
    </message>
    <message>
        <source>{path}: its uuid is not {uuid}</source>
        <translation>{path}&#xa0;: son uuid n&apos;est pas {uuid}</translation>
    </message>
    <message>
        <source>Enabled; it runs now.</source>
        <translation>Activée&#xa0;; elle tourne maintenant.</translation>
    </message>
    <message>
        <source>Enabled, but GNOME reports it as {state}; `socialtime doctor` tells more after the next login.</source>
        <translation>Activée, mais GNOME la dit {state}&#xa0;; `socialtime doctor` en dira plus après la prochaine connexion.</translation>
    </message>
    <message>
        <source>Enabled. GNOME loads a new extension when you log in: log out and back in (on Wayland the shell cannot be restarted in place).</source>
        <translation>Activée. GNOME charge une nouvelle extension à la connexion&#xa0;: déconnectez-vous et reconnectez-vous (sous Wayland, le shell ne peut pas être redémarré sur place).</translation>
    </message>
    <message>
        <source>Removed {path} (the form for another GNOME).</source>
        <translation>{path} supprimé (la forme pour un autre GNOME).</translation>
    </message>
    <message>
        <source>Disabled {uuid}.</source>
        <translation>{uuid} désactivée.</translation>
    </message>
    <message>
        <source>Removed {path}.</source>
        <translation>{path} supprimé.</translation>
    </message>
    <message>
        <source>{path} stays: it was installed for all users by a package (it no longer runs for you).</source>
        <translation>{path} reste en place&#xa0;: un paquet l&apos;a installée pour tous les utilisateurs (elle ne tourne plus pour vous).</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>en erreur</translation>
    </message>
    <message>
        <source>out of date for this GNOME</source>
        <translation>périmée pour ce GNOME</translation>
    </message>
    <message>
        <source>loaded but not enabled</source>
        <translation>chargée mais pas activée</translation>
    </message>
    <message>
        <source>in state {state}</source>
        <translation>dans l&apos;état {state}</translation>
    </message>
    <message>
        <source>GNOME Shell does not answer on the session bus and `gnome-shell --version` fails</source>
        <translation>GNOME Shell ne répond pas sur le bus de session et `gnome-shell --version` échoue</translation>
    </message>
    <message>
        <source>GNOME Shell {version}: socialtime&apos;s extension needs GNOME 43 or later</source>
        <translation>GNOME Shell {version}&#xa0;: l&apos;extension de socialtime demande GNOME 43 ou plus récent</translation>
    </message>
    <message>
        <source>GNOME Shell {version} needs {form} ({uuid})</source>
        <translation>GNOME Shell {version} demande {form} ({uuid})</translation>
    </message>
    <message>
        <source>{head}: not installed; `socialtime desktop install` installs and enables it, then log out and back in</source>
        <translation>{head}&#xa0;: pas installée&#xa0;; `socialtime desktop install` l&apos;installe et l&apos;active, puis déconnectez-vous et reconnectez-vous</translation>
    </message>
    <message>
        <source>installed for you</source>
        <translation>installée pour vous</translation>
    </message>
    <message>
        <source>installed for all users</source>
        <translation>installée pour tous les utilisateurs</translation>
    </message>
    <message>
        <source>{head}: {place}, enabled, running</source>
        <translation>{head}&#xa0;: {place}, activée, en marche</translation>
    </message>
    <message>
        <source>{head}: {place}, not enabled; `socialtime desktop install` enables it</source>
        <translation>{head}&#xa0;: {place}, pas activée&#xa0;; `socialtime desktop install` l&apos;active</translation>
    </message>
    <message>
        <source>{head}: {place}, but user extensions are switched off: switch them on in the Extensions app</source>
        <translation>{head}&#xa0;: {place}, mais les extensions de l&apos;utilisateur sont désactivées&#xa0;: activez-les dans l&apos;application Extensions</translation>
    </message>
    <message>
        <source>{head}: {place}, enabled, {state}</source>
        <translation>{head}&#xa0;: {place}, activée, {state}</translation>
    </message>
    <message>
        <source>{head}: {place}, enabled, not loaded yet: log out and back in (GNOME loads a new extension at login)</source>
        <translation>{head}&#xa0;: {place}, activée, pas encore chargée&#xa0;: déconnectez-vous et reconnectez-vous (GNOME charge une nouvelle extension à la connexion)</translation>
    </message>
</context>
<context>
    <name>goal_charts</name>
    <message>
        <source>Goals met</source>
        <translation>Objectifs atteints</translation>
    </message>
    <message>
        <source>Today, so far within your goals</source>
        <translation>Aujourd&apos;hui, dans vos objectifs pour l&apos;instant</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Non atteints</translation>
    </message>
</context>
<context>
    <name>goals</name>
    <message>
        <source>{spent} of your {budget}</source>
        <translation>{spent} sur vos {budget}</translation>
    </message>
    <message>
        <source>No goals yet. A daily budget, budgets per site, focus periods or a weekly budget: choose one with “Set a goal…” (Settings, Goals), and the days you meet it show on this calendar. Only you see them.</source>
        <translation>Pas encore d&apos;objectif. Un budget quotidien, des budgets par site, des plages de concentration ou un budget hebdomadaire&#xa0;: choisissez-en un avec «&#xa0;Fixer un objectif…&#xa0;» (Paramètres, Objectifs), et les jours où vous l&apos;atteignez s&apos;afficheront sur ce calendrier. Vous seul les voyez.</translation>
    </message>
    <message>
        <source>This week: {social} of your {budget}.</source>
        <translation>Cette semaine&#xa0;: {social} sur vos {budget}.</translation>
    </message>
    <message numerus="yes">
        <source>Current streak: %n work day(s) with your goals met.</source>
        <translation>
            <numerusform>Série en cours&#xa0;: %n jour travaillé avec vos objectifs atteints.</numerusform>
            <numerusform>Série en cours&#xa0;: %n jours travaillés avec vos objectifs atteints.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This month: goals met on {met} of %n work day(s) so far.</source>
        <translation>
            <numerusform>Ce mois-ci, jusqu&apos;à présent&#xa0;: objectifs atteints {met} fois sur %n jour travaillé.</numerusform>
            <numerusform>Ce mois-ci, jusqu&apos;à présent&#xa0;: objectifs atteints {met} fois sur %n jours travaillés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kde</name>
    <message>
        <source>KWin refused the script {path} (loadScript said {answer})</source>
        <translation>KWin a refusé le script {path} (loadScript a répondu {answer})</translation>
    </message>
    <message>
        <source>cannot load the KWin script: {error}</source>
        <translation>impossible de charger le script KWin&#xa0;: {error}</translation>
    </message>
    <message>
        <source>KWin left the session bus</source>
        <translation>KWin a quitté le bus de session</translation>
    </message>
    <message>
        <source>window captions and app ids from the same script, used in memory only, never stored; process ids from KWin, for the browser extension</source>
        <translation>titres des fenêtres et identifiants d&apos;application par le même script, utilisés en mémoire seulement, jamais enregistrés&#xa0;; identifiants de processus par KWin, pour l&apos;extension du navigateur</translation>
    </message>
    <message>
        <source>no titles without the foreground window (see above)</source>
        <translation>pas de titres sans la fenêtre au premier plan (voir plus haut)</translation>
    </message>
    <message>
        <source>no window in front</source>
        <translation>aucune fenêtre au premier plan</translation>
    </message>
    <message>
        <source>in front: {process} (app id {app_id})</source>
        <translation>au premier plan&#xa0;: {process} (identifiant d&apos;application {app_id})</translation>
    </message>
    <message>
        <source>KWin script {plugin}, told by KWin at each change; {front}</source>
        <translation>script KWin {plugin}, informé par KWin à chaque changement&#xa0;; {front}</translation>
    </message>
    <message>
        <source>KWin loaded the script {plugin} but it did not call back within {seconds} s: its scripting may be failing (look for kwin_wayland&apos;s &apos;js:&apos; lines in `journalctl --user -b`)</source>
        <translation>KWin a chargé le script {plugin}, mais celui-ci n&apos;a pas rappelé en {seconds} s&#xa0;: les scripts de KWin échouent peut-être (cherchez les lignes «&#xa0;js:&#xa0;» de kwin_wayland dans `journalctl --user -b`)</translation>
    </message>
    <message>
        <source>{problem}; is this a KDE Plasma session? Start socialtime inside it, where DBUS_SESSION_BUS_ADDRESS names the session&apos;s bus</source>
        <translation>{problem}&#xa0;; est-ce bien une session KDE Plasma&#xa0;? Lancez socialtime dans cette session, où DBUS_SESSION_BUS_ADDRESS désigne son bus</translation>
    </message>
    <message>
        <source>KWin is silent</source>
        <translation>KWin ne dit rien</translation>
    </message>
    <message>
        <source>{problem}. Meanwhile only X11 apps (under XWayland) are seen</source>
        <translation>{problem}. En attendant, seules les applications X11 (sous XWayland) sont vues</translation>
    </message>
    <message>
        <source>idle for {seconds} s</source>
        <translation>inactif depuis {seconds} s</translation>
    </message>
    <message>
        <source>input within the last {seconds} s</source>
        <translation>saisie dans les dernières {seconds} s</translation>
    </message>
    <message>
        <source>Wayland {protocol}: told after {seconds} s without input (the idle setting); {state}</source>
        <translation>Wayland {protocol}&#xa0;: signalé après {seconds} s sans saisie (le réglage d&apos;inactivité)&#xa0;; {state}</translation>
    </message>
    <message>
        <source>{seconds} s idle (org.freedesktop.ScreenSaver)</source>
        <translation>{seconds} s sans saisie (org.freedesktop.ScreenSaver)</translation>
    </message>
    <message>
        <source>KWin offers neither ext-idle-notify-v1 nor org_kde_kwin_idle, and KDE does not tell idle time over D-Bus on Wayland: time without input is counted as active (Plasma 5.27 and later offer ext-idle-notify-v1)</source>
        <translation>KWin n&apos;offre ni ext-idle-notify-v1 ni org_kde_kwin_idle, et KDE ne donne pas le temps d&apos;inactivité par D-Bus sous Wayland&#xa0;: le temps sans saisie est compté comme actif (Plasma 5.27 et suivants offrent ext-idle-notify-v1)</translation>
    </message>
    <message>
        <source>the Wayland display cannot be reached ({error}), and KDE does not tell idle time over D-Bus on Wayland: time without input is counted as active; start socialtime inside your Plasma session, where WAYLAND_DISPLAY and XDG_RUNTIME_DIR are set</source>
        <translation>l&apos;affichage Wayland est injoignable ({error}), et KDE ne donne pas le temps d&apos;inactivité par D-Bus sous Wayland&#xa0;: le temps sans saisie est compté comme actif&#xa0;; lancez socialtime dans votre session Plasma, où WAYLAND_DISPLAY et XDG_RUNTIME_DIR sont définis</translation>
    </message>
    <message>
        <source>lost the session bus: {error}</source>
        <translation>connexion perdue avec le bus de session&#xa0;: {error}</translation>
    </message>
    <message>
        <source>KDE does not tell idle time over D-Bus on Wayland: idle time is unknown</source>
        <translation>sous Wayland, KDE n&apos;indique pas par D-Bus depuis quand il n&apos;y a plus de saisie&#xa0;: l&apos;absence de saisie est inconnue</translation>
    </message>
    <message>
        <source>KDE reports its lock screen over D-Bus only</source>
        <translation>KDE ne signale son écran de verrouillage que par D-Bus</translation>
    </message>
</context>
<context>
    <name>macos</name>
    <message>
        <source>window titles need the Accessibility permission: open System Settings › Privacy &amp; Security › Accessibility, switch on socialtime (add it with + if it is not listed), then restart socialtime. Until then only the application in front is seen</source>
        <translation>les titres des fenêtres demandent l&apos;autorisation Accessibilité&#xa0;: ouvrez Réglages Système › Confidentialité et sécurité › Accessibilité, activez socialtime (ajoutez-le avec + s&apos;il n&apos;est pas dans la liste), puis relancez socialtime. En attendant, seule l&apos;application au premier plan est vue</translation>
    </message>
    <message>
        <source>to recognise sites in Safari and Chrome-family browsers, allow socialtime to control them: System Settings › Privacy &amp; Security › Automation › socialtime (macOS asks once, the first time a browser is in front). Only the hostname is read, never stored with the page</source>
        <translation>pour reconnaître les sites dans Safari et les navigateurs de la famille Chrome, autorisez socialtime à les contrôler&#xa0;: Réglages Système › Confidentialité et sécurité › Automatisation › socialtime (macOS vous le demande une fois, la première fois qu&apos;un navigateur est au premier plan). Seul le nom d&apos;hôte est lu, jamais enregistré avec la page</translation>
    </message>
    <message>
        <source>Apple Events refused by {browsers}; {fix}</source>
        <translation>Apple Events refusés par {browsers}&#xa0;; {fix}</translation>
    </message>
    <message>
        <source>NSWorkspace: {app} in front</source>
        <translation>NSWorkspace&#xa0;: {app} au premier plan</translation>
    </message>
    <message>
        <source>unavailable {error}</source>
        <translation>indisponible {error}</translation>
    </message>
    <message>
        <source>Accessibility API, used in memory only, never stored</source>
        <translation>API Accessibilité, utilisés en mémoire seulement, jamais enregistrés</translation>
    </message>
    <message>
        <source>CGEventSource: {seconds} s idle</source>
        <translation>CGEventSource&#xa0;: {seconds} s sans saisie</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>sleep, wake and lock notifications, while socialtime&apos;s event loop runs</source>
        <translation>notifications de mise en veille, de réveil et de verrouillage, tant que la boucle d&apos;événements de socialtime tourne</translation>
    </message>
    <message>
        <source>cannot subscribe to sleep and lock notifications {error}</source>
        <translation>abonnement impossible aux notifications de mise en veille et de verrouillage {error}</translation>
    </message>
</context>
<context>
    <name>media</name>
    <message>
        <source>on {platform}, socialtime cannot yet see whether a desktop app plays sound (a player, a call): only the browser extension tells it, for the tab in front</source>
        <translation>sous {platform}, socialtime ne sait pas encore voir si une application de bureau émet du son (un lecteur, un appel)&#xa0;: seule l&apos;extension du navigateur le dit, pour l&apos;onglet au premier plan</translation>
    </message>
    <message>
        <source>{source}: {detail}</source>
        <translation>{source}&#xa0;: {detail}</translation>
    </message>
</context>
<context>
    <name>mpris</name>
    <message>
        <source>no answer from the session bus yet</source>
        <translation>pas encore de réponse du bus de session</translation>
    </message>
    <message>
        <source>no media player on the session bus now</source>
        <translation>aucun lecteur multimédia sur le bus de session pour l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n media player(s) on the session bus</source>
        <translation>
            <numerusform>%n lecteur multimédia sur le bus de session</numerusform>
            <numerusform>%n lecteurs multimédia sur le bus de session</numerusform>
        </translation>
    </message>
    <message>
        <source>lost {bus}: {error}</source>
        <translation>{bus} perdu&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot follow the media players: {error}</source>
        <translation>impossible de suivre les lecteurs multimédia&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>nudges</name>
    <message>
        <source>Social time today</source>
        <translation>Réseaux sociaux aujourd&apos;hui</translation>
    </message>
    <message>
        <source>{site} today</source>
        <translation>{site} aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Focus time</source>
        <translation>Plage de concentration</translation>
    </message>
    <message>
        <source>Social time this week</source>
        <translation>Réseaux sociaux cette semaine</translation>
    </message>
    <message>
        <source>You have spent {spent} of your {budget} on social sites this week.</source>
        <translation>Cette semaine, vous avez passé {spent} sur les réseaux sociaux, sur un budget de {budget}.</translation>
    </message>
    <message>
        <source>You have reached the {budget} you set for social sites this week.</source>
        <translation>Vous avez atteint cette semaine le budget de {budget} que vous vous étiez fixé pour les réseaux sociaux.</translation>
    </message>
    <message>
        <source>You have spent {spent} of your {budget} on social sites today.</source>
        <translation>Aujourd&apos;hui, vous avez passé {spent} sur les réseaux sociaux, sur un budget de {budget}.</translation>
    </message>
    <message>
        <source>You have reached the {budget} you set for social sites today.</source>
        <translation>Vous avez atteint aujourd&apos;hui le budget de {budget} que vous vous étiez fixé pour les réseaux sociaux.</translation>
    </message>
    <message>
        <source>You have spent {spent} of your {budget} on {site} today.</source>
        <translation>Aujourd&apos;hui, vous avez passé {spent} sur {site}, sur un budget de {budget}.</translation>
    </message>
    <message>
        <source>You have reached the {budget} you set for {site} today.</source>
        <translation>Vous avez atteint aujourd&apos;hui le budget de {budget} que vous vous étiez fixé pour {site}.</translation>
    </message>
    <message>
        <source>Focus time until {end} — {site} is in front.</source>
        <translation>Plage de concentration jusqu&apos;à {end} — {site} est au premier plan.</translation>
    </message>
</context>
<context>
    <name>policy</name>
    <message>
        <source>mandatory</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recommandé</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>sans niveau</translation>
    </message>
    <message>
        <source>No organisation policy.</source>
        <translation>Aucune politique d&apos;organisation.</translation>
    </message>
    <message>
        <source>Read: {source}</source>
        <translation>Lu&#xa0;: {source}</translation>
    </message>
    <message>
        <source>{key} = {value} ({level}, {source})</source>
        <translation>{key} = {value} ({level}, {source})</translation>
    </message>
    <message>
        <source>Ignored: {key} = {value} ({level}, {source}): {reason}</source>
        <translation>Ignoré&#xa0;: {key} = {value} ({level}, {source})&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Error, left out: {error}</source>
        <translation>Erreur, entrée écartée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The policy sets nothing.</source>
        <translation>La politique ne définit rien.</translation>
    </message>
    <message>
        <source>a policy cannot consent for the user</source>
        <translation>une politique ne peut pas consentir à la place de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>a policy cannot switch recording on</source>
        <translation>une politique ne peut pas activer l&apos;enregistrement</translation>
    </message>
    <message>
        <source>a policy cannot read or collect the data</source>
        <translation>une politique ne peut ni lire ni collecter les données</translation>
    </message>
    <message>
        <source>another custom site has this id</source>
        <translation>un autre site personnalisé a cet id</translation>
    </message>
    <message>
        <source>a custom site with a unique id and valid hosts</source>
        <translation>un site personnalisé avec un id unique et des hôtes valides</translation>
    </message>
    <message>
        <source>the path of a team goal file (a non-empty string)</source>
        <translation>le chemin d&apos;un fichier d&apos;objectif d&apos;équipe (une chaîne non vide)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>not an organisation setting (a policy may set only: {keys})</source>
        <translation>pas un paramètre de l&apos;organisation (une politique ne peut définir que&#xa0;: {keys})</translation>
    </message>
    <message>
        <source>a table ([mandatory] or [recommended])</source>
        <translation>une table ([mandatory] ou [recommended])</translation>
    </message>
    <message>
        <source>outside [mandatory] and [recommended]: put it in one</source>
        <translation>en dehors de [mandatory] et de [recommended]&#xa0;: placez-le dans l&apos;une des deux</translation>
    </message>
    <message>
        <source>a table ([{table}])</source>
        <translation>une table ([{table}])</translation>
    </message>
    <message>
        <source>cannot read the folder ({error})</source>
        <translation>impossible de lire le dossier ({error})</translation>
    </message>
    <message>
        <source>cannot read the registry key ({error})</source>
        <translation>impossible de lire la clé de registre ({error})</translation>
    </message>
    <message>
        <source>a REG_DWORD of 0 or 1</source>
        <translation>un REG_DWORD valant 0 ou 1</translation>
    </message>
    <message>
        <source>a REG_SZ (comma-separated) or a REG_MULTI_SZ</source>
        <translation>un REG_SZ (valeurs séparées par des virgules) ou un REG_MULTI_SZ</translation>
    </message>
    <message>
        <source>a REG_SZ</source>
        <translation>un REG_SZ</translation>
    </message>
    <message>
        <source>not a dictionary of preferences</source>
        <translation>pas un dictionnaire de préférences</translation>
    </message>
    <message>
        <source>a dictionary of recommended values</source>
        <translation>un dictionnaire de valeurs recommandées</translation>
    </message>
    <message>
        <source>cannot read the policy ({error})</source>
        <translation>impossible de lire la politique ({error})</translation>
    </message>
</context>
<context>
    <name>probes</name>
    <message>
        <source>no X display: set DISPLAY (e.g. DISPLAY=:0), or start socialtime from your desktop session</source>
        <translation>pas d&apos;affichage X&#xa0;: définissez DISPLAY (par exemple DISPLAY=:0), ou lancez socialtime depuis votre session de bureau</translation>
    </message>
    <message>
        <source>Wayland without XWayland: on this desktop socialtime cannot see Wayland windows (it can on GNOME, with a Shell extension, on KDE, and on wlroots compositors such as sway); enable XWayland so that DISPLAY is set, or choose an X11 session (e.g. &apos;GNOME on Xorg&apos;) at login</source>
        <translation>Wayland sans XWayland&#xa0;: sur ce bureau, socialtime ne voit pas les fenêtres Wayland (il les voit sous GNOME avec une extension du Shell, sous KDE et sous les compositeurs wlroots comme sway)&#xa0;; activez XWayland pour que DISPLAY soit défini, ou choisissez une session X11 (par ex. «&#xa0;GNOME sur Xorg&#xa0;») à la connexion</translation>
    </message>
    <message>
        <source>python-xlib is missing: pip install python-xlib (Debian: apt install python3-xlib)</source>
        <translation>python-xlib est absent&#xa0;: pip install python-xlib (Debian&#xa0;: apt install python3-xlib)</translation>
    </message>
    <message>
        <source>platform {platform} is not supported</source>
        <translation>la plateforme {platform} n&apos;est pas prise en charge</translation>
    </message>
    <message>
        <source>socialtime could not set up its probe here: {error}</source>
        <translation>socialtime n&apos;a pas pu mettre en place sa sonde ici&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>pulse</name>
    <message>
        <source>PULSE_SERVER names a sound server that is not on this computer: not used</source>
        <translation>PULSE_SERVER désigne un serveur de son qui n&apos;est pas sur cet ordinateur&#xa0;: non utilisé</translation>
    </message>
    <message>
        <source>XDG_RUNTIME_DIR is not set: the sound server cannot be found</source>
        <translation>XDG_RUNTIME_DIR n&apos;est pas défini&#xa0;: le serveur de son est introuvable</translation>
    </message>
    <message>
        <source>no answer from the sound server yet</source>
        <translation>pas encore de réponse du serveur de son</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) playing now</source>
        <translation>
            <numerusform>%n flux en lecture en ce moment</numerusform>
            <numerusform>%n flux en lecture en ce moment</numerusform>
        </translation>
    </message>
    <message>
        <source>pactl is missing: install it (Debian: apt install pulseaudio-utils)</source>
        <translation>pactl est absent&#xa0;: installez-le (Debian&#xa0;: apt install pulseaudio-utils)</translation>
    </message>
    <message>
        <source>no sound server at {path}</source>
        <translation>aucun serveur de son à {path}</translation>
    </message>
    <message>
        <source>cannot run pactl: {error}</source>
        <translation>impossible de lancer pactl&#xa0;: {error}</translation>
    </message>
    <message>
        <source>the sound server at {path} does not answer</source>
        <translation>le serveur de son à {path} ne répond pas</translation>
    </message>
    <message>
        <source>lost the sound server at {path}</source>
        <translation>serveur de son à {path} perdu</translation>
    </message>
</context>
<context>
    <name>recorder_lock</name>
    <message>
        <source>{path}: cannot use this lock file ({error})</source>
        <translation>{path}&#xa0;: impossible d&apos;utiliser ce fichier de verrou ({error})</translation>
    </message>
    <message>
        <source>{path}: another socialtime is already recording into {folder}; stop it first (one recorder per data directory)</source>
        <translation>{path}&#xa0;: un autre socialtime enregistre déjà dans {folder}&#xa0;; arrêtez-le d&apos;abord (un seul enregistrement à la fois par dossier des données)</translation>
    </message>
</context>
<context>
    <name>reflection</name>
    <message>
        <source>Your last week</source>
        <translation>Bilan de votre semaine dernière</translation>
    </message>
    <message>
        <source>Last week: {social} on social sites.</source>
        <translation>La semaine dernière&#xa0;: {social} sur les réseaux sociaux.</translation>
    </message>
    <message>
        <source>Last week: {social} on social sites, {diff} less than the week before.</source>
        <translation>La semaine dernière&#xa0;: {social} sur les réseaux sociaux, soit {diff} de moins que la semaine précédente.</translation>
    </message>
    <message>
        <source>Last week: {social} on social sites, {diff} more than the week before.</source>
        <translation>La semaine dernière&#xa0;: {social} sur les réseaux sociaux, soit {diff} de plus que la semaine précédente.</translation>
    </message>
    <message>
        <source>Last week: {social} on social sites, about the same as the week before.</source>
        <translation>La semaine dernière&#xa0;: {social} sur les réseaux sociaux, à peu près autant que la semaine précédente.</translation>
    </message>
    <message>
        <source>Weekly goal: {social} of your {budget}.</source>
        <translation>Objectif hebdomadaire&#xa0;: {social} sur vos {budget}.</translation>
    </message>
    <message>
        <source>Idea: you spent {average} a work day on social sites; a daily goal of {target} (Settings, Goals) would be a first step.</source>
        <translation>Idée&#xa0;: vous avez passé en moyenne {average} par jour travaillé sur les réseaux sociaux&#xa0;; un objectif quotidien de {target} (Paramètres, Objectifs) pourrait être un premier pas.</translation>
    </message>
    <message>
        <source>Idea: {site} took {seconds} of it; a daily budget for {site} could help.</source>
        <translation>Idée&#xa0;: {site} a représenté {seconds} de ce temps&#xa0;; un budget quotidien pour {site} pourrait vous aider.</translation>
    </message>
    <message>
        <source>Idea: most of it fell between {start} and {end}; a focus period at that time could help.</source>
        <translation>Idée&#xa0;: l&apos;essentiel de ce temps se situait entre {start} et {end}&#xa0;; une plage de concentration à ce moment-là pourrait vous aider.</translation>
    </message>
    <message>
        <source>Most of it was on {site} ({seconds}).</source>
        <translation>L&apos;essentiel de ce temps a été passé sur {site} ({seconds}).</translation>
    </message>
    <message numerus="yes">
        <source>Your daily goals held on {met} of %n work day(s).</source>
        <translation>
            <numerusform>Vos objectifs quotidiens ont été respectés {met} fois sur %n jour travaillé.</numerusform>
            <numerusform>Vos objectifs quotidiens ont été respectés {met} fois sur %n jours travaillés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>{option}: {value} is out of range (expected a day from {first} to {last})</source>
        <translation>{option}&#xa0;: {value} est hors limites (attendu&#xa0;: un jour du {first} au {last})</translation>
    </message>
    <message>
        <source>week of {day}</source>
        <translation>semaine du {day}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>YYYY-Www</source>
        <translation>AAAA-Wss</translation>
    </message>
    <message>
        <source>{option}: {value} is not a date (expected {form})</source>
        <translation>{option}&#xa0;: {value} n&apos;est pas une date (format attendu&#xa0;: {form})</translation>
    </message>
    <message>
        <source>{option}: {value} is not an ISO week (expected {form}, e.g. 2026-W48)</source>
        <translation>{option}&#xa0;: {value} n&apos;est pas une semaine ISO (format attendu&#xa0;: {form}, par exemple 2026-W48)</translation>
    </message>
    <message>
        <source>{option}: {value}: that year has no such week</source>
        <translation>{option}&#xa0;: {value}&#xa0;: cette année n&apos;a pas de semaine portant ce numéro</translation>
    </message>
    <message>
        <source>{option}: {value} is out of range (expected a week from {first} to {last})</source>
        <translation>{option}&#xa0;: {value} est hors limites (attendu&#xa0;: une semaine de {first} à {last})</translation>
    </message>
    <message>
        <source>--to {last} is before --from {first}</source>
        <translation>--to {last} est antérieur à --from {first}</translation>
    </message>
    <message>
        <source>{option}: {value} is not a month (expected YYYY-MM)</source>
        <translation>{option}&#xa0;: {value} n&apos;est pas un mois (format attendu&#xa0;: AAAA-MM)</translation>
    </message>
    <message>
        <source>{option}: {value} is out of range (expected a month from {first} to {last})</source>
        <translation>{option}&#xa0;: {value} est hors limites (attendu&#xa0;: un mois de {first} à {last})</translation>
    </message>
    <message>
        <source>Nothing recorded yet today.</source>
        <translation>Rien n&apos;a encore été enregistré aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>Rien n&apos;a été enregistré sur cette période.</translation>
    </message>
    <message>
        <source>({percent} of active time)</source>
        <translation>({percent} du temps actif)</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Temps actif</translation>
    </message>
    <message>
        <source>Social time</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>{social} social of {active}</source>
        <translation>{social} de social sur {active}</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>rien d&apos;enregistré</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Par jour</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>&apos;{value}&apos; is not a time of day (HH:MM, 00:00-24:00)</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas une heure valide (HH:MM, de 00:00 à 24:00)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a range (HH:MM-HH:MM, e.g. 09:00-12:30)</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas une plage horaire (HH:MM-HH:MM, par exemple 09:00-12:30)</translation>
    </message>
    <message>
        <source>range {range} ends before it starts</source>
        <translation>la plage {range} se termine avant de commencer</translation>
    </message>
    <message>
        <source>range {range} is empty</source>
        <translation>la plage {range} est vide</translation>
    </message>
    <message>
        <source>ranges {first} and {second} overlap</source>
        <translation>les plages {first} et {second} se chevauchent</translation>
    </message>
    <message>
        <source>unknown day {day} (expected one of {days})</source>
        <translation>jour inconnu {day} (valeurs possibles&#xa0;: {days})</translation>
    </message>
    <message>
        <source>{day}: {error}</source>
        <translation>{day}&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>{probe}; {watcher}</source>
        <translation>{probe}&#xa0;; {watcher}</translation>
    </message>
</context>
<context>
    <name>sites</name>
    <message>
        <source>site {site}: invalid host {host}</source>
        <translation>site {site}&#xa0;: nom d&apos;hôte invalide {host}</translation>
    </message>
    <message>
        <source>site {site}: invalid title pattern {pattern}: {error}</source>
        <translation>site {site}&#xa0;: motif de titre invalide {pattern}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>must be a table</source>
        <translation>doit être une table</translation>
    </message>
    <message numerus="yes">
        <source>unknown key(s) {keys}</source>
        <translation>
            <numerusform>clé inconnue {keys}</numerusform>
            <numerusform>clés inconnues {keys}</numerusform>
        </translation>
    </message>
    <message>
        <source>{key} must be a non-empty string</source>
        <translation>{key} doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>{key} must be a list of non-empty strings</source>
        <translation>{key} doit être une liste de chaînes non vides</translation>
    </message>
    <message>
        <source>{path}: cannot read the site catalogue: {error}</source>
        <translation>{path}&#xa0;: impossible de lire le catalogue des sites&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{path}: expected an array of [[site]] tables</source>
        <translation>{path}&#xa0;: un tableau de tables [[site]] est attendu</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>id en double</translation>
    </message>
    <message>
        <source>{path}: {entry}: {error}</source>
        <translation>{path}&#xa0;: {entry}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>invalid host {host}</source>
        <translation>nom d&apos;hôte invalide {host}</translation>
    </message>
    <message>
        <source>custom site {site}: {error}</source>
        <translation>site personnalisé {site}&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last four weeks</source>
        <translation>Ces quatre dernières semaines</translation>
    </message>
    <message>
        <source>{when}: {social} on social sites, {share} of your active time</source>
        <translation>{when}&#xa0;: {social} sur les réseaux sociaux, soit {share} de votre temps actif</translation>
    </message>
    <message>
        <source>; most on {site} ({seconds}).</source>
        <translation>&#xa0;; surtout sur {site} ({seconds}).</translation>
    </message>
    <message>
        <source>{when}: no time on social sites, out of {active} of active time.</source>
        <translation>{when}&#xa0;: aucun temps sur les réseaux sociaux, sur {active} de temps actif.</translation>
    </message>
    <message>
        <source>{when}: social time was highest {on_weekdays}, {start}–{end} ({seconds} in all).</source>
        <translation>{when}&#xa0;: le temps sur les réseaux sociaux a été le plus élevé {on_weekdays}, de {start} à {end} ({seconds} au total).</translation>
    </message>
    <message>
        <source>Nothing recorded today.</source>
        <translation>Rien n&apos;a été enregistré aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Nothing recorded yet today.</source>
        <translation>Rien n&apos;a encore été enregistré aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Nothing recorded yet this week.</source>
        <translation>Rien n&apos;a encore été enregistré cette semaine.</translation>
    </message>
    <message>
        <source>Nothing recorded yet this month.</source>
        <translation>Rien n&apos;a encore été enregistré ce mois-ci.</translation>
    </message>
    <message>
        <source>Nothing recorded in the last four weeks.</source>
        <translation>Rien n&apos;a été enregistré ces quatre dernières semaines.</translation>
    </message>
    <message>
        <source>Each social site you visit in your work hours will show here with its time. To change the hours: Settings, Work hours.</source>
        <translation>Chaque réseau social consulté pendant vos heures de travail s&apos;affichera ici avec son temps. Pour changer les heures&#xa0;: Paramètres, Heures de travail.</translation>
    </message>
    <message>
        <source>Recording starts in your work hours, at {time}.</source>
        <translation>L&apos;enregistrement commencera pendant vos heures de travail, à {time}.</translation>
    </message>
    <message>
        <source>Recording starts in your work hours, tomorrow at {time}.</source>
        <translation>L&apos;enregistrement commencera pendant vos heures de travail, demain à {time}.</translation>
    </message>
    <message>
        <source>Recording starts in your work hours, on {weekday} at {time}.</source>
        <translation>L&apos;enregistrement commencera pendant vos heures de travail, {weekday} à {time}.</translation>
    </message>
    <message>
        <source>Recording starts in your work hours, on {date} at {time}.</source>
        <translation>L&apos;enregistrement commencera pendant vos heures de travail, le {date} à {time}.</translation>
    </message>
    <message>
        <source>No work hours are set, so nothing is recorded. You can set them in Settings.</source>
        <translation>Aucune heure de travail n&apos;est définie, donc rien n&apos;est enregistré. Vous pouvez les définir dans Paramètres.</translation>
    </message>
    <message>
        <source>on Mondays</source>
        <translation>le lundi</translation>
    </message>
    <message>
        <source>on Tuesdays</source>
        <translation>le mardi</translation>
    </message>
    <message>
        <source>on Wednesdays</source>
        <translation>le mercredi</translation>
    </message>
    <message>
        <source>on Thursdays</source>
        <translation>le jeudi</translation>
    </message>
    <message>
        <source>on Fridays</source>
        <translation>le vendredi</translation>
    </message>
    <message>
        <source>on Saturdays</source>
        <translation>le samedi</translation>
    </message>
    <message>
        <source>on Sundays</source>
        <translation>le dimanche</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Jusqu&apos;à demain</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>demain {time}</translation>
    </message>
    <message>
        <source>Paused until {time}</source>
        <translation>En pause jusqu&apos;à {time}</translation>
    </message>
    <message>
        <source>Paused until tomorrow {time}</source>
        <translation>En pause jusqu&apos;à demain {time}</translation>
    </message>
    <message>
        <source>Paused until {day} {time}</source>
        <translation>En pause jusqu&apos;au {day} à {time}</translation>
    </message>
    <message>
        <source>Outside your work hours</source>
        <translation>Hors de vos heures de travail</translation>
    </message>
    <message>
        <source>Outside your work hours: recording starts at {time}</source>
        <translation>Hors de vos heures de travail&#xa0;: l&apos;enregistrement commence à {time}</translation>
    </message>
    <message>
        <source>Outside your work hours: recording starts at tomorrow {time}</source>
        <translation>Hors de vos heures de travail&#xa0;: l&apos;enregistrement commence demain à {time}</translation>
    </message>
    <message>
        <source>Outside your work hours: recording starts at {day} {time}</source>
        <translation>Hors de vos heures de travail&#xa0;: l&apos;enregistrement commence le {day} à {time}</translation>
    </message>
    <message>
        <source>socialtime cannot use its database for now</source>
        <translation>socialtime ne peut pas utiliser sa base de données pour l&apos;instant</translation>
    </message>
    <message>
        <source>Cannot read the database: nothing is counted until it can</source>
        <translation>Base de données illisible pour l&apos;instant&#xa0;: rien n&apos;est compté en attendant</translation>
    </message>
    <message>
        <source>The disk is full: what is recorded waits in memory</source>
        <translation>Le disque est plein&#xa0;: l&apos;enregistrement attend en mémoire</translation>
    </message>
    <message>
        <source>The database is busy: what is recorded waits in memory</source>
        <translation>La base de données est occupée&#xa0;: l&apos;enregistrement attend en mémoire</translation>
    </message>
    <message>
        <source>The disk reports errors: what is recorded waits in memory</source>
        <translation>Le disque signale des erreurs&#xa0;: l&apos;enregistrement attend en mémoire</translation>
    </message>
    <message>
        <source>Today: {amount} on social sites</source>
        <translation>Réseaux sociaux aujourd&apos;hui&#xa0;: {amount}</translation>
    </message>
    <message>
        <source>Not recording: waiting for your consent</source>
        <translation>Pas d&apos;enregistrement&#xa0;: en attente de votre consentement</translation>
    </message>
    <message>
        <source>Recorded by another socialtime (socialtime track)</source>
        <translation>Enregistré par un autre socialtime (socialtime track)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Recording paused while you are away</source>
        <translation>Enregistrement suspendu pendant votre absence</translation>
    </message>
    <message>
        <source>Screen locked: nothing is counted</source>
        <translation>Écran verrouillé&#xa0;: rien n&apos;est compté</translation>
    </message>
    <message>
        <source>Cannot see the desktop here: see socialtime doctor</source>
        <translation>Le bureau n&apos;est pas visible ici&#xa0;: voir socialtime doctor</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement en cours</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>{path}: the disk is full ({error}). Nothing saved before is lost; free some space and socialtime can write again.</source>
        <translation>{path}&#xa0;: le disque est plein ({error}). Rien de ce qui était enregistré n&apos;est perdu&#xa0;; libérez de la place et socialtime pourra de nouveau écrire.</translation>
    </message>
    <message>
        <source>{path}: the database is busy: another program is writing to it ({error}). Nothing saved before is lost; try again in a moment.</source>
        <translation>{path}&#xa0;: la base de données est occupée&#xa0;: un autre programme y écrit ({error}). Rien de ce qui était enregistré n&apos;est perdu&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>{path}: the disk could not be read or written ({error}). Nothing saved before is lost; try again, and check the disk if this lasts.</source>
        <translation>{path}&#xa0;: le disque n&apos;a pas pu être lu ou écrit ({error}). Rien de ce qui était enregistré n&apos;est perdu&#xa0;; réessayez, et vérifiez le disque si cela dure.</translation>
    </message>
    <message>
        <source>{path}: not a readable socialtime database ({error}). It was left untouched: move it away to start afresh, or restore it from a backup.</source>
        <translation>{path}&#xa0;: ce n&apos;est pas une base de données socialtime lisible ({error}). Elle n&apos;a pas été modifiée&#xa0;: déplacez-la ailleurs pour repartir de zéro, ou restaurez-la depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>{path}: the database cannot be opened or written ({error}). It was left untouched: check that the file and its folder are yours and can be written.</source>
        <translation>{path}&#xa0;: la base de données ne peut être ni ouverte ni écrite ({error}). Elle n&apos;a pas été modifiée&#xa0;: vérifiez que le fichier et son dossier vous appartiennent et sont accessibles en écriture.</translation>
    </message>
    <message>
        <source>{path}: socialtime cannot use this database ({error}). It was left untouched.</source>
        <translation>{path}&#xa0;: socialtime ne peut pas utiliser cette base de données ({error}). Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>{path}: cannot use this data directory ({error})</source>
        <translation>{path}&#xa0;: impossible d&apos;utiliser ce dossier des données ({error})</translation>
    </message>
    <message>
        <source>{path}: cannot open this file ({error})</source>
        <translation>{path}&#xa0;: impossible d&apos;ouvrir ce fichier ({error})</translation>
    </message>
    <message>
        <source>{path}: not a readable socialtime database (this is not an SQLite file). It was left untouched: move it away to start afresh, or restore it from a backup.</source>
        <translation>{path}&#xa0;: ce n&apos;est pas une base de données socialtime lisible (ce n&apos;est pas un fichier SQLite). Elle n&apos;a pas été modifiée&#xa0;: déplacez-la ailleurs pour repartir de zéro, ou restaurez-la depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>application id {id}; socialtime&apos;s is {ours}</source>
        <translation>identifiant d&apos;application {id}&#xa0;; celui de socialtime est {ours}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>no socialtime mark, and its tables ({tables}) are not socialtime&apos;s</source>
        <translation>aucune marque de socialtime, et ses tables ({tables}) ne sont pas les siennes</translation>
    </message>
    <message>
        <source>{path}: this SQLite database is not socialtime&apos;s ({reason}). It was left untouched: move it away, or choose another data folder (--data-dir).</source>
        <translation>{path}&#xa0;: cette base SQLite n&apos;est pas celle de socialtime ({reason}). Elle n&apos;a pas été modifiée&#xa0;: déplacez-la ailleurs, ou choisissez un autre dossier des données (--data-dir).</translation>
    </message>
    <message>
        <source>{path}: this database was written by a newer socialtime (schema {version}; this program knows up to {known}). Upgrade socialtime; the file was left untouched.</source>
        <translation>{path}&#xa0;: cette base de données a été écrite par une version plus récente de socialtime (schéma {version}&#xa0;; ce programme connaît jusqu&apos;au schéma {known}). Mettez socialtime à jour&#xa0;; le fichier n&apos;a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>sway</name>
    <message>
        <source>sway&apos;s IPC answered something else</source>
        <translation>l&apos;IPC de sway a répondu autre chose</translation>
    </message>
    <message>
        <source>sway did not answer within {seconds} s</source>
        <translation>sway n&apos;a pas répondu en {seconds} s</translation>
    </message>
    <message>
        <source>sway closed its IPC socket</source>
        <translation>sway a fermé sa socket IPC</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>the team&apos;s name, a non-empty string of at most 80 characters on one line</source>
        <translation>le nom de l&apos;équipe, une chaîne non vide d&apos;au plus 80 caractères sur une ligne</translation>
    </message>
    <message>
        <source>the date the team agreed on the goal, such as 2026-11-02</source>
        <translation>la date à laquelle l&apos;équipe a convenu de l&apos;objectif, comme 2026-11-02</translation>
    </message>
    <message>
        <source>a table of goals ([goals]) with daily_minutes, sites or focus</source>
        <translation>une table d&apos;objectifs ([goals]) avec daily_minutes, sites ou focus</translation>
    </message>
    <message>
        <source>a text of at most 1000 characters (no control characters but line breaks)</source>
        <translation>un texte d&apos;au plus 1000 caractères (sans caractères de contrôle, hormis les retours à la ligne)</translation>
    </message>
    <message>
        <source>unknown key, did you mean {key}?</source>
        <translation>clé inconnue, vouliez-vous dire {key}&#xa0;?</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>one of {keys}</source>
        <translation>l&apos;une des clés {keys}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>a team goal needs a goal that judges each day (daily_minutes, sites or focus)</source>
        <translation>un objectif d&apos;équipe demande un objectif qui juge chaque jour (daily_minutes, sites ou focus)</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Team summaries are switched off by your organisation&apos;s policy ({source}). Your own progress is still shown to you, and only to you.</source>
        <translation>Les récapitulatifs d&apos;équipe sont désactivés par la politique de votre organisation ({source}). Votre propre progression vous est toujours montrée, et à vous seul.</translation>
    </message>
    <message>
        <source>at most {duration} of social time a work day</source>
        <translation>au plus {duration} sur les réseaux sociaux par jour travaillé</translation>
    </message>
    <message>
        <source>at most {duration} a work day on {site}</source>
        <translation>au plus {duration} par jour travaillé sur {site}</translation>
    </message>
    <message>
        <source>no social time from {start} to {end}</source>
        <translation>pas de réseaux sociaux de {start} à {end}</translation>
    </message>
    <message>
        <source>at most {duration} of social time a week</source>
        <translation>au plus {duration} sur les réseaux sociaux par semaine</translation>
    </message>
    <message>
        <source>Team goal of &quot;{name}&quot;, agreed on {date}:</source>
        <translation>Objectif d&apos;équipe de «&#xa0;{name}&#xa0;», convenu le {date}&#xa0;:</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <source>goal met</source>
        <translation>objectif atteint</translation>
    </message>
    <message>
        <source>goal not met</source>
        <translation>objectif non atteint</translation>
    </message>
    <message>
        <source>{day}  {duration} social  {state}</source>
        <translation>{day}  {duration} réseaux sociaux  {state}</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(jusqu&apos;ici)</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>rien d&apos;enregistré</translation>
    </message>
    <message>
        <source>No work day yet this week.</source>
        <translation>Pas encore de jour travaillé cette semaine.</translation>
    </message>
    <message>
        <source>Your progress, {week} (only you see this):</source>
        <translation>Votre progression, {week} (vous seul la voyez)&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Goal met on {met} of %n recorded work day(s) that are over.</source>
        <translation>
            <numerusform>Objectif atteint {met} fois sur %n jour travaillé terminé et enregistré.</numerusform>
            <numerusform>Objectif atteint {met} fois sur %n jours travaillés terminés et enregistrés.</numerusform>
        </translation>
    </message>
    <message>
        <source>This week: {total} of social time (goal: at most {limit}).</source>
        <translation>Cette semaine&#xa0;: {total} sur les réseaux sociaux (objectif&#xa0;: au plus {limit}).</translation>
    </message>
    <message>
        <source>{week} has no work day that is over and has recorded time: nothing to summarise</source>
        <translation>la {week} n&apos;a aucun jour travaillé terminé avec du temps enregistré&#xa0;: rien à récapituler</translation>
    </message>
    <message>
        <source>between {low} and {high} min</source>
        <translation>entre {low} et {high} min</translation>
    </message>
    <message>
        <source>more than {low} min</source>
        <translation>plus de {low} min</translation>
    </message>
    <message>
        <source>For the team &quot;{team}&quot;, {week}.</source>
        <translation>Pour l&apos;équipe «&#xa0;{team}&#xa0;», {week}.</translation>
    </message>
    <message numerus="yes">
        <source>You met the goal on {met} of %n work day(s).</source>
        <translation>
            <numerusform>Vous avez atteint l&apos;objectif {met} fois sur %n jour travaillé.</numerusform>
            <numerusform>Vous avez atteint l&apos;objectif {met} fois sur %n jours travaillés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your social time was {spread} per work day (a range, not the exact figure).</source>
        <translation>Votre temps sur les réseaux sociaux a été {spread} par jour travaillé (une fourchette, pas le chiffre exact).</translation>
    </message>
    <message>
        <source>A random code, new every week, lets your team count each summary once without knowing whose it is.</source>
        <translation>Un code aléatoire, nouveau chaque semaine, permet à votre équipe de compter chaque récapitulatif une seule fois sans savoir de qui il vient.</translation>
    </message>
    <message>
        <source>Team goals that share no data: join a team&apos;s goal file, see your own progress, write a weekly summary you read first, combine members&apos; summaries.</source>
        <translation>Des objectifs d&apos;équipe qui ne partagent aucune donnée&#xa0;: rejoindre le fichier d&apos;objectif d&apos;une équipe, voir votre propre progression, écrire un récapitulatif hebdomadaire que vous lisez d&apos;abord, regrouper les récapitulatifs des membres.</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>join, leave, status, summary or aggregate</source>
        <translation>join, leave, status, summary ou aggregate</translation>
    </message>
    <message>
        <source>Check a team goal file and keep a copy of it; prints the goal.</source>
        <translation>Vérifier un fichier d&apos;objectif d&apos;équipe et en garder une copie&#xa0;; affiche l&apos;objectif.</translation>
    </message>
    <message>
        <source>the team goal file (TOML) the team agreed on</source>
        <translation>le fichier d&apos;objectif d&apos;équipe (TOML) dont l&apos;équipe a convenu</translation>
    </message>
    <message>
        <source>Leave the team: remove its goal file and forget your summary tokens.</source>
        <translation>Quitter l&apos;équipe&#xa0;: supprimer son fichier d&apos;objectif et oublier vos jetons de récapitulatif.</translation>
    </message>
    <message>
        <source>Your own progress against the team goal this week (only you see it).</source>
        <translation>Votre propre progression vers l&apos;objectif d&apos;équipe cette semaine (vous seul la voyez).</translation>
    </message>
    <message>
        <source>Write your weekly summary for the team: shows the whole content, then asks.</source>
        <translation>Écrire votre récapitulatif hebdomadaire pour l&apos;équipe&#xa0;: affiche tout son contenu, puis demande.</translation>
    </message>
    <message>
        <source>the ISO week (default: last week, the last complete one)</source>
        <translation>la semaine ISO (par défaut&#xa0;: la semaine dernière, la dernière complète)</translation>
    </message>
    <message>
        <source>write the summary here</source>
        <translation>écrire le récapitulatif ici</translation>
    </message>
    <message>
        <source>write without asking (needed in scripts)</source>
        <translation>écrire sans demander (nécessaire dans les scripts)</translation>
    </message>
    <message>
        <source>Team figures from at least {minimum} members&apos; summaries of one team and week.</source>
        <translation>Les chiffres de l&apos;équipe, à partir des récapitulatifs d&apos;au moins {minimum} membres pour une même équipe et une même semaine.</translation>
    </message>
    <message>
        <source>the summaries (JSON) to combine</source>
        <translation>les récapitulatifs (JSON) à regrouper</translation>
    </message>
    <message>
        <source>need at least N distinct summaries (default and lowest allowed: {minimum})</source>
        <translation>exiger au moins N récapitulatifs distincts (par défaut et au minimum&#xa0;: {minimum})</translation>
    </message>
    <message>
        <source>also draw the histogram into this PNG file</source>
        <translation>dessiner aussi l&apos;histogramme dans ce fichier PNG</translation>
    </message>
    <message>
        <source>{path}: cannot keep the team file there ({error})</source>
        <translation>{path}&#xa0;: impossible d&apos;y garder le fichier de l&apos;équipe ({error})</translation>
    </message>
    <message>
        <source>this is not a team goal file you can join:
{errors}</source>
        <translation>ce n&apos;est pas un fichier d&apos;objectif d&apos;équipe que vous pouvez rejoindre&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>You left &quot;{name}&quot;.</source>
        <translation>Vous avez quitté «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>You joined. Your progress stays on this computer and only you see it:
`socialtime team status`. Leave any time with `socialtime team leave`.</source>
        <translation>Vous avez rejoint l&apos;équipe. Votre progression reste sur cet ordinateur et vous seul la voyez&#xa0;:
`socialtime team status`. Quittez-la quand vous voulez avec `socialtime team leave`.</translation>
    </message>
    <message>
        <source>{path}: cannot remember that you left ({error})</source>
        <translation>{path}&#xa0;: impossible de retenir que vous êtes parti ({error})</translation>
    </message>
    <message>
        <source>You are not in a team.</source>
        <translation>Vous n&apos;êtes dans aucune équipe.</translation>
    </message>
    <message>
        <source>You left the team.</source>
        <translation>Vous avez quitté l&apos;équipe.</translation>
    </message>
    <message>
        <source>Your organisation offers the team &quot;{name}&quot; ({source}); leave it too with `socialtime team leave`.</source>
        <translation>Votre organisation propose l&apos;équipe «&#xa0;{name}&#xa0;» ({source})&#xa0;; quittez-la aussi avec `socialtime team leave`.</translation>
    </message>
    <message>
        <source>the team file cannot be used (join again, or leave):
{errors}</source>
        <translation>le fichier de l&apos;équipe est inutilisable (rejoignez-la de nouveau, ou quittez-la)&#xa0;:
{errors}</translation>
    </message>
    <message>
        <source>you are not in a team; join one with `socialtime team join FILE`</source>
        <translation>vous n&apos;êtes dans aucune équipe&#xa0;; rejoignez-en une avec `socialtime team join FILE`</translation>
    </message>
    <message>
        <source>You are not in a team. Join one with `socialtime team join FILE`.</source>
        <translation>Vous n&apos;êtes dans aucune équipe. Rejoignez-en une avec `socialtime team join FILE`.</translation>
    </message>
    <message>
        <source>Offered by your organisation ({source}). Only you see your progress; `socialtime team leave` if you do not want this goal.</source>
        <translation>Proposé par votre organisation ({source}). Vous seul voyez votre progression&#xa0;; `socialtime team leave` si vous ne voulez pas de cet objectif.</translation>
    </message>
    <message>
        <source>-o {file}: is a directory; give a file name</source>
        <translation>-o {file}&#xa0;: c&apos;est un dossier&#xa0;; donnez un nom de fichier</translation>
    </message>
    <message>
        <source>This is the whole summary, exactly as it would be written to {file}:</source>
        <translation>Voici le récapitulatif complet, exactement tel qu&apos;il serait écrit dans {file}&#xa0;:</translation>
    </message>
    <message>
        <source>nothing written: add --yes to write this to {file}</source>
        <translation>rien n&apos;a été écrit&#xa0;: ajoutez --yes pour l&apos;écrire dans {file}</translation>
    </message>
    <message>
        <source>Write it to {file}? [y/N] </source>
        <translation>L&apos;écrire dans {file}&#xa0;? [o/N] </translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>-o {file}: cannot write there ({error})</source>
        <translation>-o {file}&#xa0;: impossible d&apos;écrire à cet endroit ({error})</translation>
    </message>
    <message>
        <source>Written to {file}. It is yours: share it with the team if you want to.</source>
        <translation>Écrit dans {file}. Il vous appartient&#xa0;: partagez-le avec l&apos;équipe si vous le souhaitez.</translation>
    </message>
    <message>
        <source>--min-group {value}: never fewer than {minimum} summaries, so that no one person can be seen</source>
        <translation>--min-group {value}&#xa0;: jamais moins de {minimum} récapitulatifs, pour qu&apos;aucune personne ne puisse être distinguée</translation>
    </message>
    <message>
        <source>no team figures:
{problems}</source>
        <translation>pas de chiffres d&apos;équipe&#xa0;:
{problems}</translation>
    </message>
    <message>
        <source>--chart {file}: cannot write there ({error})</source>
        <translation>--chart {file}&#xa0;: impossible d&apos;écrire à cet endroit ({error})</translation>
    </message>
    <message>
        <source>Chart written to {file}.</source>
        <translation>Graphique écrit dans {file}.</translation>
    </message>
</context>
<context>
    <name>team_chart</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Average social time per work day</source>
        <translation>Temps moyen sur les réseaux sociaux par jour travaillé</translation>
    </message>
    <message numerus="yes">
        <source>{team}, {week}: %n member(s), goal met on {share} of work days</source>
        <translation>
            <numerusform>{team}, {week}&#xa0;: %n membre, objectif atteint sur {share} des jours travaillés</numerusform>
            <numerusform>{team}, {week}&#xa0;: %n membres, objectif atteint sur {share} des jours travaillés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>team_summary</name>
    <message>
        <source>{source}: not a team summary (expected a JSON object)</source>
        <translation>{source}&#xa0;: ce n&apos;est pas un récapitulatif d&apos;équipe (un objet JSON est attendu)</translation>
    </message>
    <message>
        <source>{source}: unexpected key {key} (a summary holds nothing else)</source>
        <translation>{source}&#xa0;: clé inattendue {key} (un récapitulatif ne contient rien d&apos;autre)</translation>
    </message>
    <message>
        <source>{source}: key {key} is missing</source>
        <translation>{source}&#xa0;: la clé {key} manque</translation>
    </message>
    <message>
        <source>must be &quot;{value}&quot;</source>
        <translation>doit valoir &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>must be {value} (a newer socialtime may have written this file)</source>
        <translation>doit valoir {value} (ce fichier a peut-être été écrit par une version plus récente de socialtime)</translation>
    </message>
    <message>
        <source>must be the team&apos;s name</source>
        <translation>doit être le nom de l&apos;équipe</translation>
    </message>
    <message>
        <source>must be an ISO week such as 2026-W48</source>
        <translation>doit être une semaine ISO, par exemple 2026-W48</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 7</source>
        <translation>doit être un nombre entier de 1 à 7</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to work_days</source>
        <translation>doit être un nombre entier de 0 à work_days</translation>
    </message>
    <message>
        <source>must be one of {values}</source>
        <translation>doit valoir l&apos;une de ces valeurs&#xa0;: {values}</translation>
    </message>
    <message>
        <source>must be 32 hexadecimal digits</source>
        <translation>doit contenir 32 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>{source}: key {key} {rule}</source>
        <translation>{source}&#xa0;: la clé {key} {rule}</translation>
    </message>
    <message>
        <source>{source}: {problem}</source>
        <translation>{source}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the minimum group is never below {minimum}</source>
        <translation>le groupe minimal n&apos;est jamais inférieur à {minimum}</translation>
    </message>
    <message>
        <source>{source}: the same summary as {other} (same token); give each member&apos;s summary once</source>
        <translation>{source}&#xa0;: même récapitulatif que {other} (même jeton)&#xa0;; ne donnez qu&apos;une fois le récapitulatif de chaque membre</translation>
    </message>
    <message>
        <source>{source}: for another team than {other}</source>
        <translation>{source}&#xa0;: pour une autre équipe que {other}</translation>
    </message>
    <message>
        <source>{source}: for another week than {other}</source>
        <translation>{source}&#xa0;: pour une autre semaine que {other}</translation>
    </message>
    <message numerus="yes">
        <source>only %n distinct summaries; team figures need at least {minimum} of the same team and week, so that no one person can be seen</source>
        <translation>
            <numerusform>seulement %n récapitulatif distinct&#xa0;; les chiffres d&apos;équipe en demandent au moins {minimum}, de la même équipe et de la même semaine, pour que personne ne puisse être reconnu individuellement</numerusform>
            <numerusform>seulement %n récapitulatifs distincts&#xa0;; les chiffres d&apos;équipe en demandent au moins {minimum}, de la même équipe et de la même semaine, pour que personne ne puisse être reconnu individuellement</numerusform>
        </translation>
    </message>
    <message>
        <source>Team &quot;{team}&quot;, {week}: {members} members</source>
        <translation>Équipe «&#xa0;{team}&#xa0;», {week}&#xa0;: {members} membres</translation>
    </message>
    <message>
        <source>Goal met on {percent} of work days (each member&apos;s days met / work days, averaged)</source>
        <translation>Objectif atteint {percent} des jours travaillés (pour chaque membre, jours où l&apos;objectif est atteint / jours travaillés, puis moyenne)</translation>
    </message>
    <message>
        <source>Members who met the goal on most of their work days: {count} of {members}</source>
        <translation>Membres ayant atteint l&apos;objectif la plupart de leurs jours travaillés&#xa0;: {count} sur {members}</translation>
    </message>
    <message>
        <source>Average social time per work day (members):</source>
        <translation>Temps moyen sur les réseaux sociaux par jour travaillé (membres)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>tracker</name>
    <message>
        <source>no consent</source>
        <translation>pas de consentement</translation>
    </message>
    <message>
        <source>outside work hours</source>
        <translation>hors des heures de travail</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>screen locked</source>
        <translation>écran verrouillé</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>absence de saisie</translation>
    </message>
    <message>
        <source>cannot see the desktop</source>
        <translation>bureau non visible</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>enregistrement en cours</translation>
    </message>
    <message>
        <source>cannot read the database for now</source>
        <translation>base de données illisible pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>trend</name>
    <message>
        <source>the month before</source>
        <translation>le mois précédent</translation>
    </message>
    <message>
        <source>the week before</source>
        <translation>la semaine précédente</translation>
    </message>
    <message>
        <source>the day before</source>
        <translation>la veille</translation>
    </message>
    <message>
        <source>{change} a day less than {previous} ({average} a day).</source>
        <translation>{change} par jour de moins que {previous} ({average} par jour).</translation>
    </message>
    <message>
        <source>{change} a day more than {previous} ({average} a day).</source>
        <translation>{change} par jour de plus que {previous} ({average} par jour).</translation>
    </message>
    <message>
        <source>About the same as {previous} ({average} a day).</source>
        <translation>À peu près comme {previous} ({average} par jour).</translation>
    </message>
    <message>
        <source>Nothing recorded in {previous} to compare with.</source>
        <translation>Rien d&apos;enregistré {previous} pour comparer.</translation>
    </message>
    <message>
        <source>No work day in this period yet.</source>
        <translation>Pas encore de jour de travail dans cette période.</translation>
    </message>
    <message numerus="yes">
        <source>the %n weeks before</source>
        <translation>
            <numerusform>les %n semaines précédentes</numerusform>
            <numerusform>les %n semaines précédentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n days before</source>
        <translation>
            <numerusform>les %n jours précédents</numerusform>
            <numerusform>les %n jours précédents</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} of social time.</source>
        <translation>{total} de temps social.</translation>
    </message>
    <message numerus="yes">
        <source>{total} of social time: {average} a day over %n work day(s).</source>
        <translation>
            <numerusform>{total} de temps social&#xa0;: {average} par jour sur %n jour de travail.</numerusform>
            <numerusform>{total} de temps social&#xa0;: {average} par jour sur %n jours de travail.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wayland</name>
    <message>
        <source>protocol error {code} on {interface}: {message}</source>
        <translation>erreur de protocole {code} sur {interface}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>lost the compositor: {error}</source>
        <translation>compositeur perdu&#xa0;: {error}</translation>
    </message>
    <message>
        <source>XDG_RUNTIME_DIR is not set</source>
        <translation>XDG_RUNTIME_DIR n&apos;est pas défini</translation>
    </message>
    <message>
        <source>no Unix sockets on this platform</source>
        <translation>pas de sockets Unix sur cette plateforme</translation>
    </message>
    <message>
        <source>cannot connect to {path}: {error}</source>
        <translation>impossible de se connecter à {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>an argument runs past the end of its message</source>
        <translation>un argument dépasse la fin de son message</translation>
    </message>
    <message>
        <source>short message: {error}</source>
        <translation>message trop court&#xa0;: {error}</translation>
    </message>
    <message>
        <source>the compositor closed the connection</source>
        <translation>le compositeur a fermé la connexion</translation>
    </message>
    <message>
        <source>malformed message of {size} bytes</source>
        <translation>message malformé de {size} octets</translation>
    </message>
</context>
<context>
    <name>why</name>
    <message>
        <source>daily budget</source>
        <translation>budget quotidien</translation>
    </message>
    <message>
        <source>weekly budget</source>
        <translation>budget hebdomadaire</translation>
    </message>
    <message>
        <source>{label}{colon}: {used} of {limit}</source>
        <translation>{label}{colon}: {used} sur {limit}</translation>
    </message>
    <message>
        <source>{used} in focus time</source>
        <translation>{used} pendant le temps de concentration</translation>
    </message>
    <message>
        <source>focus time</source>
        <translation>temps de concentration</translation>
    </message>
</context>
<context>
    <name>windows</name>
    <message>
        <source>WTSRegisterSessionNotification failed: {error}</source>
        <translation>échec de WTSRegisterSessionNotification&#xa0;: {error}</translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation>processus inconnu</translation>
    </message>
    <message>
        <source>GetForegroundWindow: {process}</source>
        <translation>GetForegroundWindow&#xa0;: {process}</translation>
    </message>
    <message>
        <source>no window in front right now {error}</source>
        <translation>aucune fenêtre au premier plan en ce moment {error}</translation>
    </message>
    <message>
        <source>GetWindowTextW, used in memory only, never stored</source>
        <translation>GetWindowTextW, utilisés en mémoire seulement, jamais enregistrés</translation>
    </message>
    <message>
        <source>GetLastInputInfo: {seconds} s idle</source>
        <translation>GetLastInputInfo&#xa0;: {seconds} s sans saisie</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>lock and sleep messages from Windows (WTS session and power notifications)</source>
        <translation>messages de verrouillage et de mise en veille de Windows (notifications de session WTS et d&apos;alimentation)</translation>
    </message>
    <message>
        <source>lock and sleep are seen only while the tray app runs (not in `socialtime track` or doctor); a locked screen still counts as idle</source>
        <translation>le verrouillage et la mise en veille ne sont vus que lorsque l&apos;application tourne dans la zone de notification (pas avec `socialtime track` ni doctor)&#xa0;; un écran verrouillé compte tout de même comme absence de saisie</translation>
    </message>
</context>
<context>
    <name>wlroots</name>
    <message>
        <source>{problem}; XWayland: {detail}</source>
        <translation>{problem}&#xa0;; XWayland&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>{compositor}: cannot reach the Wayland display ({error}); start socialtime from inside your desktop session, where WAYLAND_DISPLAY and XDG_RUNTIME_DIR are set</source>
        <translation>{compositor}&#xa0;: impossible de joindre l&apos;affichage Wayland ({error})&#xa0;; lancez socialtime depuis votre session de bureau, où WAYLAND_DISPLAY et XDG_RUNTIME_DIR sont définis</translation>
    </message>
    <message>
        <source>{compositor} does not offer wlr-foreign-toplevel-management (zwlr_foreign_toplevel_manager_v1): native Wayland windows cannot be seen; sway, Hyprland, labwc, Wayfire and river offer it</source>
        <translation>{compositor} n&apos;offre pas wlr-foreign-toplevel-management (zwlr_foreign_toplevel_manager_v1)&#xa0;: les fenêtres Wayland natives ne sont pas visibles&#xa0;; sway, Hyprland, labwc, Wayfire et river l&apos;offrent</translation>
    </message>
    <message>
        <source>no window in front</source>
        <translation>aucune fenêtre au premier plan</translation>
    </message>
    <message>
        <source>in front: {process} (app id {app_id})</source>
        <translation>au premier plan&#xa0;: {process} (identifiant d&apos;application {app_id})</translation>
    </message>
    <message>
        <source>{compositor}, Wayland display {display}: windows seen through wlr-foreign-toplevel-management ({count} open); {front}</source>
        <translation>{compositor}, affichage Wayland {display}&#xa0;: fenêtres vues par wlr-foreign-toplevel-management ({count} ouvertes)&#xa0;; {front}</translation>
    </message>
    <message>
        <source>no titles without the foreground window (see above)</source>
        <translation>pas de titres sans la fenêtre au premier plan (voir plus haut)</translation>
    </message>
    <message>
        <source>titles and app ids from the same protocol, used in memory only, never stored</source>
        <translation>titres et identifiants d&apos;application par le même protocole, utilisés en mémoire seulement, jamais enregistrés</translation>
    </message>
    <message>
        <source>process ids from sway&apos;s IPC socket, for the browser extension</source>
        <translation>identifiants de processus par la socket IPC de sway, pour l&apos;extension du navigateur</translation>
    </message>
    <message>
        <source>{compositor} tells no process ids: the browser extension&apos;s pages cannot be matched to their window, so titles are used</source>
        <translation>{compositor} ne donne pas les identifiants de processus&#xa0;: les pages de l&apos;extension du navigateur ne peuvent être rattachées à leur fenêtre, les titres sont donc utilisés</translation>
    </message>
    <message>
        <source>idle for {seconds} s</source>
        <translation>inactif depuis {seconds} s</translation>
    </message>
    <message>
        <source>input within the last {seconds} s</source>
        <translation>saisie dans les dernières {seconds} s</translation>
    </message>
    <message>
        <source>{protocol}: told after {seconds} s without input (the idle setting); {state}</source>
        <translation>{protocol}&#xa0;: signalé après {seconds} s sans saisie (le réglage d&apos;inactivité)&#xa0;; {state}</translation>
    </message>
    <message>
        <source>{compositor} offers neither ext-idle-notify-v1 nor org_kde_kwin_idle: time without input is counted as active</source>
        <translation>{compositor} n&apos;offre ni ext-idle-notify-v1 ni org_kde_kwin_idle&#xa0;: le temps sans saisie est compté comme actif</translation>
    </message>
    <message>
        <source>idle time is unknown without the Wayland display</source>
        <translation>le temps d&apos;inactivité est inconnu sans l&apos;affichage Wayland</translation>
    </message>
    <message>
        <source>{compositor} tells no Wayland client whether the screen is locked</source>
        <translation>{compositor} ne dit à aucun client Wayland si l&apos;écran est verrouillé</translation>
    </message>
</context>
<context>
    <name>x11</name>
    <message>
        <source>cannot open X display {display}: {error}</source>
        <translation>impossible d&apos;ouvrir l&apos;affichage X {display}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>lost the X display {display}: {error}</source>
        <translation>affichage X {display} perdu&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{error}; check DISPLAY (and XAUTHORITY), or start socialtime from inside your desktop session</source>
        <translation>{error}&#xa0;; vérifiez DISPLAY (et XAUTHORITY), ou lancez socialtime depuis votre session de bureau</translation>
    </message>
    <message>
        <source>{error}; check that the X server is still running</source>
        <translation>{error}&#xa0;; vérifiez que le serveur X tourne toujours</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
    <message>
        <source>X display {display}</source>
        <translation>affichage X {display}</translation>
    </message>
    <message>
        <source>{where}: the window manager ({wm}) does not publish _NET_ACTIVE_WINDOW; use an EWMH window manager (GNOME, KDE, Xfce, openbox, i3...)</source>
        <translation>{where}&#xa0;: le gestionnaire de fenêtres ({wm}) ne publie pas _NET_ACTIVE_WINDOW&#xa0;; utilisez un gestionnaire de fenêtres EWMH (GNOME, KDE, Xfce, openbox, i3…)</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>aucun trouvé</translation>
    </message>
    <message>
        <source>Wayland session, XWayland {where}: only X11 apps are visible; windows of native Wayland apps are not. For full coverage choose an X11 session at login (e.g. &apos;GNOME on Xorg&apos;), or run browsers under XWayland</source>
        <translation>Session Wayland, XWayland {where}&#xa0;: seules les applications X11 sont visibles, pas les fenêtres des applications Wayland natives. Pour tout voir, choisissez une session X11 à la connexion (par exemple «&#xa0;GNOME sur Xorg&#xa0;»), ou lancez vos navigateurs sous XWayland</translation>
    </message>
    <message>
        <source>{where}, window manager {wm}</source>
        <translation>{where}, gestionnaire de fenêtres {wm}</translation>
    </message>
    <message>
        <source>read from _NET_WM_NAME / WM_NAME, used in memory only, never stored</source>
        <translation>lus dans _NET_WM_NAME / WM_NAME, utilisés en mémoire seulement, jamais enregistrés</translation>
    </message>
    <message>
        <source>no titles without the foreground window (see above)</source>
        <translation>pas de titres sans la fenêtre au premier plan (voir plus haut)</translation>
    </message>
    <message>
        <source>{extension} extension: {seconds} s idle (Wayland: input to native Wayland apps may not count)</source>
        <translation>extension {extension}&#xa0;: {seconds} s sans saisie (Wayland&#xa0;: la saisie dans les applications Wayland natives peut ne pas compter)</translation>
    </message>
    <message>
        <source>{extension} extension: {seconds} s idle</source>
        <translation>extension {extension}&#xa0;: {seconds} s sans saisie</translation>
    </message>
    <message>
        <source>X screensaver state ({extension})</source>
        <translation>état de l&apos;économiseur d&apos;écran X ({extension})</translation>
    </message>
    <message>
        <source>the X server lacks the {extension} extension; enable it in the X server: idle time is counted as active</source>
        <translation>il manque au serveur X l&apos;extension {extension}&#xa0;; activez-la dans le serveur X&#xa0;: sans elle, le temps sans saisie est compté comme temps actif</translation>
    </message>
    <message>
        <source>the X server lacks the {extension} extension; enable it in the X server: the screensaver state is unknown</source>
        <translation>il manque au serveur X l&apos;extension {extension}&#xa0;; activez-la dans le serveur X&#xa0;: sans elle, l&apos;état de l&apos;économiseur d&apos;écran est inconnu</translation>
    </message>
</context>
</TS>
