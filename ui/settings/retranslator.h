#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QWidget;

/// Answers LanguageChange for widgets built once with tr() in their constructors: it finds each fixed text of
/// a window (titles, labels, buttons, menus and actions, tool tips, placeholders, combo items, tabs, spin box
/// suffixes, accessible names) in the translation catalogue, in English or in any translation, and sets it
/// again through tr() of its context. Texts made of arguments (status messages, counts) are left alone: they
/// are rewritten by the code that formats them, on its next update. Item views are told their headers
/// changed, and everything is repainted, so painted texts (timeline, legend) follow too.
class Retranslator : public QObject
{
    Q_OBJECT

public:
    /// Watches every window of the application from now on.
    static Retranslator *install();

    /// Sets every fixed text under root again, in the language now installed.
    void retranslate(QWidget *root) const;
    /// The English text and its context for a text shown in any language, or nothing.
    struct Source
    {
        QString context;
        QString text;
    };
    QList<Source> sourcesOf(const QString &shown) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit Retranslator(QObject *parent);
    void loadCatalogues() const;
    void loadCatalogue(const QString &path) const;
    QString retranslated(const QString &shown, const QStringList &contexts) const;

    mutable QHash<QString, QList<Source>>
        m_sources; // loaded lazily; shown text (English or translated) → where it comes from
    mutable bool m_loaded = false;
};
