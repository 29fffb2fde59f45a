"""What the recorded spans mean, read back from the store: totals per period (report), charts'
figures (stats), goals met (goals) and why a day missed them (why), the daily average against
the period before (trend), nudges (nudges), the weekly look back (reflection) and the tray's own
status line (tray_status). Nothing here draws or prints."""
