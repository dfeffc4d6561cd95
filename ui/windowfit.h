#pragma once

#include <QObject>
#include <QRect>
#include <QSize>

class QWidget;

/// Sizes a top-level window to the screen it opens on: on a 1280×720 projector, or at 200 % scaling, no
/// control may open off-screen. WindowSettings brings back the geometry it was closed with only when that
/// still fits (fits()).
class WindowFit : public QObject
{
    Q_OBJECT

public:
    /// Fits window now; preferred is the size it takes where there is room for it.
    WindowFit(QWidget *window, QSize preferred);

    /// Where a window of at least minimum and ideally preferred goes on a screen whose free area is
    /// available: saved when it lies wholly inside, else preferred shrunk to the area and centred in it.
    static QRect fittedGeometry(const QRect &available, QSize preferred, QSize minimum, const QRect &saved);
    /// Whether geometry lies wholly inside the free area of one of the screens.
    static bool fits(const QRect &geometry);

    void fit();

    /// What a window manager's frame and title bar may take of the screen, beside the window's own size.
    static constexpr QSize FrameRoom {16, 40};

private:
    QWidget *m_window;
    QSize m_preferred;
};
