#include "windowfit.h"

#include <QEvent>
#include <QScreen>
#include <QSettings>
#include <QWidget>

#include <algorithm>

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");

QSettings settings()
{
    return QSettings(QStringLiteral("Crawlscope"), QStringLiteral("Crawlscope"));
}

} // namespace

WindowFit::WindowFit(QWidget *window, QSize preferred)
    : QObject(window)
    , m_window(window)
    , m_preferred(preferred)
{
    window->installEventFilter(this);
    fit();
}

QRect WindowFit::fittedGeometry(const QRect &available, QSize preferred, QSize minimum, const QRect &saved)
{
    if (saved.isValid() && available.contains(saved) && saved.width() >= minimum.width()
        && saved.height() >= minimum.height())
        return saved;
    // The frame a window manager adds is not known before the window is shown; a margin keeps the title bar
    // and the status bar inside the area.
    const QSize room = available.size() - QSize(16, 40);
    const QSize size(
        std::max(std::min(preferred.width(), room.width()), std::min(minimum.width(), room.width())),
        std::max(std::min(preferred.height(), room.height()), std::min(minimum.height(), room.height())));
    QRect geometry(QPoint(0, 0), size);
    geometry.moveCenter(available.center());
    return geometry;
}

QRect WindowFit::savedGeometry()
{
    return settings().value(GeometryKey).toRect();
}

void WindowFit::fit()
{
    QScreen *screen = m_window->screen();
    if (!screen)
        return;
    const QRect saved = savedGeometry();
    const QRect geometry
        = fittedGeometry(screen->availableGeometry(), m_preferred, m_window->minimumSizeHint(), saved);
    if (geometry == saved) {
        m_window->setGeometry(saved); // the inside, as it was saved
        return;
    }
    m_window->resize(geometry.size());
    m_window->move(geometry.topLeft());
}

bool WindowFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && !m_window->isFullScreen()
        && !m_window->isMaximized())
        settings().setValue(GeometryKey, m_window->geometry());
    return QObject::eventFilter(watched, event);
}
