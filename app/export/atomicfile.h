#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>

#include <optional>

/// Whole-file I/O for exports and imports. Writing replaces the file only once every byte is on disk, so a
/// failed export (missing or read-only folder, full disk) never leaves a truncated file behind. Errors name
/// the file and say why, ready to show to the user.
class Progress;

/// With a Progress, a cancel while writing leaves the old file (or none) as it was.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         const Progress *progress = nullptr);
/// The same, with the data written by write() as it is made, so it need not be in memory whole. write()
/// returns false when it stopped (cancelled, or a write failed); then nothing is replaced.
bool writeFileAtomically(const QString &path, const std::function<bool(QIODevice &file)> &write,
                         QString *error, const Progress *progress = nullptr);
bool folderExistsFor(const QString &path, QString *error); // to refuse early, before the data exists
std::optional<QByteArray> readWholeFile(const QString &path, QString *error);
