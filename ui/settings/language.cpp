#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>

namespace {

struct LanguageText
{
    Q_DECLARE_TR_FUNCTIONS(Language)
};

QString g_current = QStringLiteral("en");

/// Translators live as long as the application; they are replaced, never stacked.
QTranslator *translator(const char *name)
{
    auto *app = QCoreApplication::instance();
    if (auto *existing = app->findChild<QTranslator *>(QLatin1String(name), Qt::FindDirectChildrenOnly))
        return existing;
    auto *created = new QTranslator(app);
    created->setObjectName(QLatin1String(name));
    return created;
}

/// An installed package's translations beside the binary come first, so they can be updated without a
/// rebuild; the copy compiled into the binary is the fallback.
QStringList crawlscopeFolders()
{
    return {QCoreApplication::applicationDirPath() + QStringLiteral("/../share/crawlscope/translations"),
            QStringLiteral(":/i18n")};
}

} // namespace

namespace Language {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString displayName(const QString &code)
{
    if (code.isEmpty())
        return LanguageText::tr("System default");
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QString apply(const QString &code, const QLocale &system)
{
    QTranslator *own = translator("crawlscope");
    QTranslator *qt = translator("qtbase");
    QCoreApplication::removeTranslator(own);
    QCoreApplication::removeTranslator(qt);

    const QLocale locale = code.isEmpty() || !available().contains(code) ? system : QLocale(code);
    const QStringList folders = crawlscopeFolders();
    const auto load = [&](const QLocale &language) {
        return std::any_of(folders.cbegin(), folders.cend(), [&](const QString &folder) {
            return own->load(language, QStringLiteral("crawlscope"), QStringLiteral("_"), folder);
        });
    };
    g_current = QStringLiteral("en");
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    // A locale's list of languages can end in English (LANGUAGE=fr:en): then load() finds the English
    // plurals, and the window speaks English, with Qt's own dialogs in English too.
    const bool loaded = !english && load(locale);
    const bool spoken = loaded && !own->language().startsWith(QLatin1String("en"));
    if (!spoken) {
        // English is the source language, and the language of a locale Crawlscope does not speak. Its
        // translation holds only the plural forms the source texts cannot: "1 request", not "1 request(s)".
        // Loaded already when the locale's languages reached English.
        if (loaded || load(QLocale(QLocale::English)))
            QCoreApplication::installTranslator(own);
        return g_current;
    }
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QCoreApplication::installTranslator(own);
    g_current = own->language().section(QLatin1Char('_'), 0, 0);
    return g_current;
}

QString current()
{
    return g_current;
}

} // namespace Language
