#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include "core/runsettings.h"

/// The Python asyncio program that does what a run's settings ask, written the way the lesson writes it
/// (../shared/seed/async-crawler-lesson.md): `requests` in a loop for sequential, `httpx.AsyncClient` with
/// `asyncio.gather` for gather, an `asyncio.Semaphore(k)` with the politeness `asyncio.sleep` held inside it
/// for limited, and a semaphore per host for a per-host cap. It runs as written with Debian's python3-httpx
/// and python3-requests, and prints how long it took, so a student can hold it against the picture.
class PythonProgram
{
public:
    /// The program for these URLs and settings. A crawl has no program of this kind: it is given the program
    /// of a plain run of the seeds.
    static PythonProgram generate(const QList<QUrl> &urls, const RunSettings &settings);

    const QString &text() const { return m_text; }

    /// Where a request is in its life, as the program's lines say it: 1-based line numbers, 0 where the mode
    /// has no such line (sequential has no semaphore). The Code pane points at these during a replay.
    enum class Step {
        WaitForPermit, // async with semaphore:
        WaitForHost, // async with host_semaphores[...]:
        Request, // requests.get(...) / await client.get(...)
        Sleep, // time.sleep(...) / await asyncio.sleep(...)
    };
    int lineOf(Step step) const;

    /// What the program prints last: "... took 8.02 seconds."
    static constexpr const char *ElapsedPattern = R"(took ([0-9]+\.[0-9]+) seconds)";

private:
    QString m_text;
    int m_lines[4] = {0, 0, 0, 0};
};
