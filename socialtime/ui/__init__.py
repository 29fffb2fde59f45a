"""The Qt layer: the only package that imports PySide6 (and matplotlib). It shows what the core
computes and never holds logic of its own that a test without a display could not reach."""
