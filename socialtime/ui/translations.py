"""Load the catalogues for the chosen language into Qt (and into the core's ``translate``).

The language is decided once, at start: the ``language`` setting, or with "auto" the system's
(the POSIX variables, then Qt's idea of the user's UI languages, which covers Windows and macOS).
Qt's own catalogue (``qtbase_fr.qm``: the buttons of standard dialogs) comes with PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from socialtime.base import i18n

# Installed translators, kept referenced (Qt does not own them) and removed on a new install.
_installed: list[QTranslator] = []


def choose(setting: str) -> str:
    """The language a setting means here: "auto" asks the environment, then Qt."""
    if setting in i18n.LANGUAGES:
        return setting
    return i18n.system_language(platform_languages=lambda: QLocale.system().uiLanguages())


def install(setting: str) -> str:
    """Use the language of ``setting`` for Qt's and the core's messages; returns it."""
    lang = choose(setting)
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(lang))
    app = QCoreApplication.instance()
    if app is None:
        return lang
    while _installed:
        app.removeTranslator(_installed.pop())
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = i18n.catalogue_path(lang).with_suffix(".qm")
    for name, directory in ((f"qtbase_{lang}", qt_dir), (ours.stem, str(ours.parent))):
        translator = QTranslator()
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang
