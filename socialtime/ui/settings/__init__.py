"""The Settings dialog: dialog (the window, its Recording and General tabs, Save), one module
per other tab (hours_tab, sites_tab, goals_tab, team_tab, data_tab), their shared form helpers
(form), and what the organisation's policy locks in them (locks)."""
