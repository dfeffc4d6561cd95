#pragma once

#include <QObject>

class QWidget;

/// For `crawlscope-bench startup` (bench/README.md): with CRAWLSCOPE_REPORT_FIRST_PAINT set, the window's
/// first paint prints the monotonic clock (`first_paint_monotonic_ns=N`) and quits the application, so the
/// benchmark can time the real executable from its own launch to the first frame.
class FirstPaintReporter : public QObject
{
    Q_OBJECT

public:
    /// Watches the window if the environment asks for it; does nothing otherwise.
    static void installIfRequested(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintReporter(QWidget *window);

    bool m_reported = false;
};
