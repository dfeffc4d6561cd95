#include "exportfolder.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

#include <algorithm>

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

QString ExportFolder::askSavePath(QWidget *parent, const QString &caption, const QString &proposedName,
                                  const QList<Type> &types, qsizetype chosen)
{
    QStringList filters;
    for (const Type &type : types)
        filters.append(type.filter);
    QString selected = filters.value(chosen, filters.value(0));
    QString path = QFileDialog::getSaveFileName(parent, caption, proposal(proposedName),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty() || types.isEmpty())
        return path;
    if (std::none_of(types.cbegin(), types.cend(), [&path](const Type &type) {
            return path.endsWith(type.extension, Qt::CaseInsensitive);
        })) {
        const qsizetype at = filters.indexOf(selected);
        path += types.value(at >= 0 ? at : chosen, types.constFirst()).extension;
    }
    return path;
}
