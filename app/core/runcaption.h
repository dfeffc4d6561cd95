#pragma once

#include <QCoreApplication>
#include <QString>

#include "prediction.h"
#include "runresult.h"

#include <optional>

/// How a run is named, in one place: the timeline's track header, the in-flight strip's bands, the charts'
/// series and the window's Runs menu all say the same thing.
class RunCaption
{
    Q_DECLARE_TR_FUNCTIONS(RunCaption)

public:
    /// "Sequential", "Gather", "Limited (3)": a legend's or a menu's label.
    static QString label(const RunSettings &settings);
    /// "Sequential (one at a time)", "Gather (all at once)", "Limited: semaphore of 3": the header's lead.
    static QString title(const RunSettings &settings);

    /// What a header says beyond the settings; the counts come from whoever already walked the records.
    struct Facts
    {
        int requests = 0;
        int failed = 0;
        int cancelled = 0;
        bool live = false;
        qint64 endNs = 0; // how far the run got: the live clock, or the end
        qint64 sequentialWallNs = -1; // a finished sequential run shown beside this one, for the speed-up
        /// Peak requests in flight; -1 to count it from the records.
        int peakInFlight = -1;
        /// What the lesson's rules said the run would take; unset: nothing is said about it.
        std::optional<Prediction> prediction;
        /// A finished run's ideal makespan; -1 to schedule it from the records.
        qint64 idealNs = -1;
    };

    /// The whole header line: "Limited: semaphore of 3 · wall 8.02 s · ideal 8.02 s · 2.5× faster than
    /// sequential · predicted 8.00 s, overhead 15 ms (0.2 %) · peak 3 in flight · delay 1000 ms · 10
    /// requests".
    /// speedUp, if given, gets the "2.5× faster than sequential" part as it is in the line (empty: none), for
    /// a header too narrow for it all to keep last; no character of it is the same in every language.
    static QString header(const RunResult &run, const Facts &facts, QString *speedUp = nullptr);
    /// "predicted 8.02 s", or why there is none: before and during a run.
    static QString predicted(const Prediction &prediction);
    /// "predicted 8.02 s, overhead 0.01 s (0.1 %)": a finished run's measurement beside its prediction.
    static QString measuredAgainst(const Prediction &prediction, qint64 wallNs);
};
