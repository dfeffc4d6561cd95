#include "exportfolder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace {

// The same key AppSettings keeps among the window's remembered settings, so there is one folder.
const QString FolderKey = QStringLiteral("files/exportFolder");

} // namespace

QString ExportFolder::path()
{
    const QString folder = QSettings().value(FolderKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void ExportFolder::remember(const QString &filePath)
{
    QSettings().setValue(FolderKey, QFileInfo(filePath).absolutePath());
}

QString ExportFolder::proposal(const QString &fileName)
{
    return QDir(path()).filePath(fileName);
}

qsizetype ExportFolder::typeOf(const QString &name, const QList<Type> &types)
{
    // The longest extension that matches wins, as Exporter's formats do: "runs.trace.json" is a trace.
    qsizetype found = -1;
    qsizetype foundLength = 0;
    for (qsizetype i = 0; i < types.size(); ++i) {
        const Type &type = types.at(i);
        const auto consider = [&](const QString &extension) {
            if (name.endsWith(extension, Qt::CaseInsensitive) && extension.size() > foundLength) {
                found = i;
                foundLength = extension.size();
            }
        };
        consider(type.extension);
        for (const QString &extension : type.otherExtensions)
            consider(extension);
    }
    return found;
}

QString ExportFolder::askSavePath(QWidget *parent, const QString &caption, const QString &proposedName,
                                  const QList<Type> &types, qsizetype fallback)
{
    QStringList filters;
    for (const Type &type : types)
        filters.append(type.filter);
    const qsizetype proposed = typeOf(proposedName, types);
    const qsizetype chosen = proposed >= 0 ? proposed : fallback;
    QString selected = filters.value(chosen, filters.value(0));
    QString path = QFileDialog::getSaveFileName(parent, caption, proposal(proposedName),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty() || types.isEmpty() || typeOf(path, types) >= 0)
        return path;
    const qsizetype at = filters.indexOf(selected);
    return path + types.value(at >= 0 ? at : chosen, types.constFirst()).extension;
}
