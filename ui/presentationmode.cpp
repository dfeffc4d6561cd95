#include "presentationmode.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenu>
#include <QSplitter>
#include <QToolBar>

#include <algorithm>

#include "limitslider.h"
#include "mainwindow.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"

PresentationMode::PresentationMode(MainWindow *window, QMenu *view)
    : QObject(window)
    , m_window(window)
    , m_baseFont(QApplication::font())
{
    view->addSeparator();
    m_toggle = view->addAction(tr("&Presentation"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F11));
    m_toggle->setToolTip(tr("Full screen with large text and a slim bar of controls; Esc leaves it"));
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setActive);

    m_zoomIn = view->addAction(tr("&Larger Text"), this, [this] { setTextZoom(m_zoom * ZoomStep); });
    m_zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOut = view->addAction(tr("S&maller Text"), this, [this] { setTextZoom(m_zoom / ZoomStep); });
    m_zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_resetZoom = view->addAction(tr("&Actual Text Size"), this,
                                  [this] { setTextZoom(m_active ? PresentationZoom : 1.0); });
    m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    // Esc is Stop while a run goes on; otherwise, in presentation, it leaves.
    m_leave = new QAction(tr("Leave Presentation"), window);
    m_leave->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leave->setEnabled(false);
    window->addAction(m_leave);
    connect(m_leave, &QAction::triggered, this, [this] { m_toggle->setChecked(false); });
    connect(window->session(), &RunSession::started, this, &PresentationMode::updateLeave);
    connect(window->session(), &RunSession::finished, this, &PresentationMode::updateLeave);
}

void PresentationMode::setTextZoom(double zoom)
{
    zoom = std::clamp(zoom, MinZoom, MaxZoom);
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * zoom);
    else
        font.setPixelSize(std::max(1, int(m_baseFont.pixelSize() * zoom)));
    // The application font reaches every widget that has not set its own, the timeline's headers and bar
    // labels included.
    QApplication::setFont(font);
}

void PresentationMode::buildBar()
{
    m_bar = new QToolBar(tr("Presentation"), m_window);
    m_bar->setObjectName(QStringLiteral("presentationBar"));
    m_bar->setMovable(false);
    m_mode = new QComboBox(m_bar);
    QComboBox *mode = m_window->modeBox();
    for (int i = 0; i < mode->count(); ++i)
        m_mode->addItem(mode->itemText(i), mode->itemData(i));
    m_mode->setToolTip(mode->toolTip());
    m_slider = new LimitSlider(m_bar);
    m_slider->setMinimumWidth(220);
    m_slider->setToolTip(m_window->limitSlider()->toolTip());
    // The bar's controls are the window's, mirrored both ways.
    connect(m_mode, &QComboBox::currentIndexChanged, mode, &QComboBox::setCurrentIndex);
    connect(mode, &QComboBox::currentIndexChanged, m_mode, &QComboBox::setCurrentIndex);
    connect(m_slider, &LimitSlider::valueChanged, m_window->limitSlider(), &LimitSlider::setValue);
    connect(m_window->limitSlider(), &LimitSlider::valueChanged, m_slider, &LimitSlider::setValue);
    m_bar->addWidget(m_mode);
    m_bar->addWidget(m_slider);
    m_bar->addSeparator();
    // The Run menu's own actions, so the bar follows their state and shows their shortcuts.
    for (QAction *action : {m_window->runAction(), m_window->compareAction(), m_window->stopAction()})
        m_bar->addAction(action);
    m_window->addToolBar(Qt::TopToolBarArea, m_bar);
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    if (m_toggle->isChecked() != on)
        m_toggle->setChecked(on);
    auto *split = qobject_cast<QSplitter *>(m_window->centralWidget());
    // The splitter between the timeline (inside the replay's box) and the table below it.
    QSplitter *results = nullptr;
    for (QWidget *up = m_window->timelinePanel()->parentWidget(); up && !results; up = up->parentWidget())
        results = qobject_cast<QSplitter *>(up);
    if (on) {
        if (!m_bar)
            buildBar();
        m_mode->setCurrentIndex(m_window->modeBox()->currentIndex());
        m_slider->setValue(m_window->limitSlider()->value());
        m_bar->show();
        m_zoomBefore = m_zoom;
        setTextZoom(std::max(m_zoom, PresentationZoom));
        if (split) {
            m_splitSizes = split->sizes();
            split->widget(0)->hide();
        }
        if (results) {
            // The timeline takes the whole height, so each row has room for its bar's label.
            m_resultSizes = results->sizes();
            results->widget(1)->hide();
        }
        // The lesson's and code's docks fold away too: the timeline gets the room's whole width.
        m_hiddenDocks.clear();
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
            if (dock->isVisible()) {
                m_hiddenDocks.append(dock);
                dock->hide();
            }
        }
        m_wasMaximized = m_window->isMaximized();
        m_window->showFullScreen();
    } else {
        if (m_bar)
            m_bar->hide();
        setTextZoom(m_zoomBefore);
        if (split) {
            split->widget(0)->show();
            if (!m_splitSizes.isEmpty())
                split->setSizes(m_splitSizes);
        }
        if (results) {
            results->widget(1)->show();
            if (!m_resultSizes.isEmpty())
                results->setSizes(m_resultSizes);
        }
        for (const QPointer<QDockWidget> &dock : std::as_const(m_hiddenDocks)) {
            if (dock)
                dock->show();
        }
        m_hiddenDocks.clear();
        if (m_wasMaximized)
            m_window->showMaximized();
        else
            m_window->showNormal();
    }
    updateLeave();
}

void PresentationMode::updateLeave()
{
    m_leave->setEnabled(m_active && !m_window->session()->isRunning());
}
