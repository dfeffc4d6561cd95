#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include "core/runsettings.h"

/// One run a lesson sets up on the demo server: the URL list ({demo} is the demo server), how often it is
/// repeated, and the settings. A sweep step has its permits in sweepLimits and runs limited once per k.
struct LessonStep
{
    QString label;
    QString urlText;
    int repeat = 1;
    RunSettings settings;
    QList<int> sweepLimits; // non-empty: a sweep over these k, in order

    bool isSweep() const { return !sweepLimits.isEmpty(); }
    /// The URL list with {demo} made demoBase, repeated: what the run will fetch.
    QList<QUrl> urls(const QUrl &demoBase) const;
    /// The window holds this run: the same URLs, mode, permits (a sweep: its k), delay and per-host cap, and
    /// no crawl. Timeouts and limits of size are not the lesson's business.
    bool isSetUp(const QList<QUrl> &urls, const RunSettings &settings, const QList<int> &sweepLimits,
                 const QUrl &demoBase) const;
};

/// A lesson of ../shared/seed/async-crawler-lesson.md as data, with no widgets: what the Lesson pane shows
/// (title, explanation, what to notice on the picture) and the runs it sets up. The texts are translated when
/// lessons() is called, so a pane rebuilds them on a language change.
struct Lesson
{
    QString title;
    QString explanation;
    QString notice;
    QList<LessonStep> steps; // the first is what choosing the lesson sets up
};

/// The five lessons, in teaching order: sequential, gather, Semaphore(3) with the sleep inside, the hidden
/// limits of real clients, and the sweep.
QList<Lesson> lessons();
