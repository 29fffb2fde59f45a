"""The charts: matplotlib figures of what socialtime.insights computed, never Qt.

style (colours, one figure's frame), usage (the day and week bars, the month, the timeline),
heatmap (days and hours), goals (the month's calendar of days met), team (a team summary's
chart, which ``socialtime team aggregate --chart`` writes without a window). The dashboard
(socialtime.ui.dashboard) puts the same figures on a Qt canvas, and imports this package only
when it is first shown: importing matplotlib costs about a second.
"""
