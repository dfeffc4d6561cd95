#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

class LimitSlider;
class MainWindow;
class QAction;
class QDockWidget;
class QComboBox;
class QMenu;
class QToolBar;

/// View › Presentation (F11): the window full screen for a classroom, the URL and settings panels folded into
/// a slim bar (mode, slider, Run, Compare, Stop), the timeline given most of the height, and every text
/// larger. Ctrl+= / Ctrl+- / Ctrl+0 zoom the whole UI's text, in or out of presentation; Esc leaves it (and
/// stops a run first, as it always does).
class PresentationMode : public QObject
{
    Q_OBJECT

public:
    static constexpr double PresentationZoom = 1.5;
    static constexpr double ZoomStep = 1.15;
    static constexpr double MinZoom = 0.6;
    static constexpr double MaxZoom = 3.0;

    PresentationMode(MainWindow *window, QMenu *view);

    bool isActive() const { return m_active; }
    /// The application's text size against the one it started with.
    double textZoom() const { return m_zoom; }
    void setTextZoom(double zoom);

    QAction *toggleAction() const { return m_toggle; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *resetZoomAction() const { return m_resetZoom; }
    QToolBar *bar() const { return m_bar; }
    QComboBox *barModeBox() const { return m_mode; }
    LimitSlider *barSlider() const { return m_slider; }

public Q_SLOTS:
    void setActive(bool on);

private:
    void buildBar();
    void updateLeave();

    MainWindow *m_window;
    QAction *m_toggle;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_resetZoom;
    QAction *m_leave;
    QToolBar *m_bar = nullptr;
    QComboBox *m_mode = nullptr;
    LimitSlider *m_slider = nullptr;
    QFont m_baseFont;
    double m_zoom = 1.0;
    double m_zoomBefore = 1.0;
    bool m_active = false;
    bool m_wasMaximized = false;
    QList<int> m_splitSizes;
    QList<int> m_resultSizes;
    QList<QPointer<QDockWidget>> m_hiddenDocks; // the docks presentation folded away, shown again on leaving
};
