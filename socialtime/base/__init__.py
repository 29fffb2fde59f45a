"""The leaves: where things live (paths), writing a private file (files), and the translated
messages and the locale's formats (i18n). They import nothing else of socialtime, so every
other package may use them."""
