#include "atomicfile.h"

#include "progress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace {

class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    static QString cannotWrite(const QString &path, const QString &reason)
    {
        return tr("Cannot write \"%1\": %2").arg(QDir::toNativeSeparators(path), reason);
    }
    static QString cannotRead(const QString &path, const QString &reason)
    {
        return tr("Cannot read \"%1\": %2").arg(QDir::toNativeSeparators(path), reason);
    }
};

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

bool folderExistsFor(const QString &path, QString *error)
{
    // QSaveFile would report a missing folder as a bare "No such file or directory".
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (folder.isDir())
        return true;
    const QString name = QDir::toNativeSeparators(folder.filePath());
    setError(error,
             AtomicFile::cannotWrite(path,
                                     folder.exists()
                                         ? AtomicFile::tr("%1 is not a folder").arg(name)
                                         : AtomicFile::tr("the folder %1 does not exist").arg(name)));
    return false;
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         const Progress *progress)
{
    if (!folderExistsFor(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, AtomicFile::cannotWrite(path, file.errorString()));
        return false;
    }
    // In chunks, so that a cancel need not wait for hundreds of megabytes.
    constexpr qsizetype Chunk = 4 << 20;
    for (qsizetype at = 0; at < data.size(); at += Chunk) {
        const qsizetype size = std::min(Chunk, data.size() - at);
        const bool cancelled = progress && progress->isCancelled();
        if (cancelled || file.write(data.constData() + at, size) != size) {
            setError(error,
                     cancelled ? AtomicFile::cannotWrite(path, AtomicFile::tr("cancelled"))
                               : AtomicFile::cannotWrite(path, file.errorString()));
            file.cancelWriting(); // the destructor then removes the temporary file
            return false;
        }
    }
    if (!file.commit()) {
        setError(error, AtomicFile::cannotWrite(path, file.errorString()));
        return false;
    }
    return true;
}

bool writeFileAtomically(const QString &path, const std::function<bool(QIODevice &file)> &write,
                         QString *error, const Progress *progress)
{
    if (!folderExistsFor(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, AtomicFile::cannotWrite(path, file.errorString()));
        return false;
    }
    if (!write(file) || file.error() != QFileDevice::NoError) {
        const bool cancelled = progress && progress->isCancelled();
        setError(error,
                 cancelled ? AtomicFile::cannotWrite(path, AtomicFile::tr("cancelled"))
                           : AtomicFile::cannotWrite(path, file.errorString()));
        file.cancelWriting(); // the destructor then removes the temporary file
        return false;
    }
    if (!file.commit()) {
        setError(error, AtomicFile::cannotWrite(path, file.errorString()));
        return false;
    }
    return true;
}

std::optional<QByteArray> readWholeFile(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir()) {
        setError(error, AtomicFile::cannotRead(path, AtomicFile::tr("it is a folder")));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, AtomicFile::cannotRead(path, file.errorString()));
        return std::nullopt;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        setError(error, AtomicFile::cannotRead(path, file.errorString()));
        return std::nullopt;
    }
    return data;
}
