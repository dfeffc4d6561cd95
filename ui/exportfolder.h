#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

/// The one folder every export dialog starts in (File › Export, Export Slide, Export Chart): the folder of
/// the last file written, remembered across sessions.
class ExportFolder
{
public:
    /// The folder to start in: the last one used, or the home folder.
    static QString path();
    /// Remembers the folder of filePath.
    static void remember(const QString &filePath);
    /// path() joined with a proposed file name.
    static QString proposal(const QString &fileName);

    /// A type a save dialog offers: its filter ("JPEG image (*.jpg *.jpeg)"), the extension a name without
    /// one gets (".jpg"), and other extensions that name the same type (".jpeg").
    struct Type
    {
        QString filter;
        QString extension;
        QStringList otherExtensions = {};
    };
    /// The save dialog of every export: it starts in path() with proposedName, offers types with the type
    /// of proposedName selected (the fallback when it has none of theirs), and gives a name typed without any
    /// of the types' extensions the extension of the type chosen in it. Empty when cancelled. The folder is
    /// remembered only once the file is written.
    static QString askSavePath(QWidget *parent, const QString &caption, const QString &proposedName,
                               const QList<Type> &types, qsizetype fallback = 0);
    /// The type one of whose extensions name ends with, the longest if several do ("runs.trace.json" is a
    /// trace, not JSON); -1 for none.
    static qsizetype typeOf(const QString &name, const QList<Type> &types);
};
