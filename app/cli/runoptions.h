#pragma once

#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

#include "core/runsettings.h"

namespace Cli {

/// What to fetch and how: the options `crawlscope run` and `crawlscope code` share, so that the program
/// `code` prints is the one `run` measures.
struct RunOptions
{
    RunSettings base; // the settings every planned run starts from
    QList<RunSettings> plan; // the runs, in order
    int repeat = 1;
    bool defaultSweep = false; // --mode sweep without --limits: completeSweep() plans it

    static void addTo(QCommandLineParser &parser);
    /// The runs the options ask for; nothing, with a message for people in error, when they are wrong.
    static std::optional<RunOptions> from(const QCommandLineParser &parser, QString *error);
    /// A sweep without --limits goes 1, 2, 4 ... up to the number of URLs.
    void completeSweep(int urlCount);

    /// Reads the URL sources (arguments, --urls FILE or '-'), reporting every bad line on stderr as
    /// SOURCE:LINE: reason: text; returns the valid URLs, repeated. readFailed: a file could not be read.
    static QList<QUrl> collectUrls(const QCommandLineParser &parser,
                                   const QHash<QString, QString> &substitutions, int repeat,
                                   bool *readFailed);
};

} // namespace Cli
