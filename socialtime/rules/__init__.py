"""Pure decisions, tested from tables: is this instant in the work hours (work_hours), which
site is this window or hostname (sites), which days make this period (periods). No clock, no
file but the site catalogue, no state."""
