"""The tick and the store: the tracker turns what a probe sees into spans (tracker), written to
the user's sqlite database (store), tried again with back-off while a fault lasts (outage), only
after consent to the current notice (consent) and by one recorder at a time (recorder_lock)."""
