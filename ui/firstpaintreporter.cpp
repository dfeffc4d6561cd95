#include "firstpaintreporter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

FirstPaintReporter::FirstPaintReporter(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

void FirstPaintReporter::installIfRequested(QWidget *window)
{
    if (qEnvironmentVariableIsSet("CRAWLSCOPE_REPORT_FIRST_PAINT"))
        new FirstPaintReporter(window);
}

bool FirstPaintReporter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        // The window's paint event opens the repaint of all its children; the queued call runs once the
        // whole frame is painted and flushed.
        QTimer::singleShot(0, this, [] {
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now().time_since_epoch());
            std::printf("first_paint_monotonic_ns=%lld\n", static_cast<long long>(ns.count()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
    return QObject::eventFilter(watched, event);
}
