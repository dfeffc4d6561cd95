#include "exportfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

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
