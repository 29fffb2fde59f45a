"""The leaves: where things live (paths), the user's files read with bounds and written whole
(files; file_problems words what was wrong), the data folder's own files (private_files), and
the translated messages and the locale's formats (i18n). They import nothing of socialtime
outside this package, so every other package may use them."""
