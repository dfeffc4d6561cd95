#include "exportfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {

const QString FolderKey = QStringLiteral("export/folder");

QSettings settings()
{
    return QSettings(QStringLiteral("Crawlscope"), QStringLiteral("Crawlscope"));
}

} // namespace

QString ExportFolder::path()
{
    const QString folder = settings().value(FolderKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void ExportFolder::remember(const QString &filePath)
{
    settings().setValue(FolderKey, QFileInfo(filePath).absolutePath());
}

QString ExportFolder::proposal(const QString &fileName)
{
    return QDir(path()).filePath(fileName);
}
