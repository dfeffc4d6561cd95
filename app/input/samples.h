#pragma once

#include "core/runsettings.h"

#include <QList>
#include <QString>

/// The lesson's three programs (../shared/seed/async-crawler-lesson.md) as ready-made scenarios for the
/// built-in demo server: the window's default and its Samples menu.
struct Sample
{
    QString title;
    QString urlText; // one URL per line, {demo} is the demo server
    int repeat = 1;
    RunSettings settings;
};

QList<Sample> lessonSamples();
/// Crawls of the demo server's synthetic site (/site/), with its robots.txt, traps and duplicates.
QList<Sample> crawlSamples();
