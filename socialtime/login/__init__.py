"""At login: the user's own start-at-login entry (autostart), and the invitation that an
organisation's login entry shows until the user accepts or declines (invite)."""
