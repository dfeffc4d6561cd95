#pragma once

#include <QString>

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
};
