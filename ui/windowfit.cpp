#include "windowfit.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

WindowFit::WindowFit(QWidget *window, QSize preferred)
    : QObject(window)
    , m_window(window)
    , m_preferred(preferred)
{
    fit();
}

QRect WindowFit::fittedGeometry(const QRect &available, QSize preferred, QSize minimum, const QRect &saved)
{
    if (saved.isValid() && available.contains(saved) && saved.width() >= minimum.width()
        && saved.height() >= minimum.height())
        return saved;
    // The frame a window manager adds is not known before the window is shown; a margin keeps the title bar
    // and the status bar inside the area.
    const QSize room = available.size() - FrameRoom;
    const QSize size(
        std::max(std::min(preferred.width(), room.width()), std::min(minimum.width(), room.width())),
        std::max(std::min(preferred.height(), room.height()), std::min(minimum.height(), room.height())));
    QRect geometry(QPoint(0, 0), size);
    geometry.moveCenter(available.center());
    return geometry;
}

void WindowFit::fit()
{
    QScreen *screen = m_window->screen();
    if (!screen)
        return;
    // The docks beside the timeline (lesson, code) cost width a 1280×720 projector at 200 % does not have:
    // they close there, and the Lessons menu opens them again.
    const QSize room = screen->availableGeometry().size() - FrameRoom;
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks) {
        const QSize needed = m_window->minimumSizeHint();
        if (needed.width() <= room.width() && needed.height() <= room.height())
            break;
        if (dock->isVisibleTo(m_window))
            dock->hide();
    }
    const QRect geometry
        = fittedGeometry(screen->availableGeometry(), m_preferred, m_window->minimumSizeHint(), QRect());
    m_window->resize(geometry.size());
    m_window->move(geometry.topLeft());
}

bool WindowFit::fits(const QRect &geometry)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    return std::any_of(screens.cbegin(), screens.cend(),
                       [&](const QScreen *screen) { return screen->availableGeometry().contains(geometry); });
}
