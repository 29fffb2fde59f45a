"""socialtime: see, for yourself only, how much of your work time goes to social sites."""

__version__ = "0.1.0"
