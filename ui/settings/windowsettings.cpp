#include "windowsettings.h"

#include "exportfolder.h"
#include "windowfit.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

#include "crawlsettingsbox.h"
#include "input/samples.h"
#include "language.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "theme.h"
#include "urleditor.h"

namespace {

/// Enough of the window on some screen to grab its title bar and move it.
bool reachable(const QRect &frame)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    return std::any_of(screens.cbegin(), screens.cend(), [&](const QScreen *screen) {
        const QRect visible = frame.intersected(screen->availableGeometry());
        return visible.width() >= std::min(frame.width(), 100)
            && visible.height() >= std::min(frame.height(), 40);
    });
}

QList<QAction *> viewSwitches(const MainWindow *window)
{
    QList<QAction *> switches;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->isCheckable() && action->objectName().startsWith(QLatin1String("view")))
            switches.append(action);
    }
    return switches;
}

} // namespace

WindowSettings *WindowSettings::attach(MainWindow *window)
{
    auto *settings = new WindowSettings(window);
    QSettings stored;
    settings->m_remembered = AppSettings::load(stored, settings->m_defaults);
    settings->apply(settings->m_remembered);
    settings->fillRecentMenu();
    return settings;
}

WindowSettings::WindowSettings(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_defaults = current();
    m_defaults.geometry.clear(); // the window's own first placement, by the window manager
    m_defaults.language.clear();
    m_defaults.theme.clear();
    buildMenus();
    window->installEventFilter(this);
    connect(window, &MainWindow::fileOpened, this, &WindowSettings::noteFile);
    connect(window, &MainWindow::fileExported, this, &WindowSettings::noteExport);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WindowSettings::save);
}

void WindowSettings::buildMenus()
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *file = bar->actions().isEmpty() ? nullptr : bar->actions().first()->menu();
    m_recentMenu = new QMenu(tr("Open &Recent"), m_window);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    if (file && file->actions().size() > 1)
        file->insertMenu(file->actions().at(1), m_recentMenu); // right after Open…
    else if (file)
        file->addMenu(m_recentMenu);

    auto *edit = new QMenu(tr("&Edit"), m_window);
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &WindowSettings::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    edit->addSeparator();
    QAction *reset = edit->addAction(tr("Reset to &Defaults"), this, &WindowSettings::resetToDefaults);
    reset->setObjectName(QStringLiteral("resetToDefaults"));
    reset->setToolTip(
        tr("Forget the saved window layout, URLs, run settings, View switches, recent files and "
           "language"));
    const QList<QAction *> menus = bar->actions();
    bar->insertMenu(menus.size() > 1 ? menus.at(1) : nullptr, edit); // after File
}

AppSettings WindowSettings::current() const
{
    AppSettings settings = m_remembered;
    settings.geometry = m_window->saveGeometry();
    settings.windowState = m_window->saveState();
    settings.splitters.clear();
    for (const QSplitter *splitter : m_window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.splitters.insert(splitter->objectName(), splitter->saveState());
    }
    settings.urlText = m_window->urlEditor()->text();
    settings.repeat = m_window->urlEditor()->repeat();
    settings.run = m_window->settings();
    settings.viewSwitches.clear();
    for (const QAction *action : viewSwitches(m_window))
        settings.viewSwitches.insert(action->objectName(), action->isChecked());
    settings.language = m_remembered.language;
    return settings;
}

void WindowSettings::apply(const AppSettings &settings)
{
    // Without a saved geometry the window keeps the one WindowFit gave it for its screen.
    if (!settings.geometry.isEmpty()) {
        const QRect before = m_window->geometry();
        if (!m_window->restoreGeometry(settings.geometry)) {
            qWarning("Settings: ignoring the saved window geometry: it is not a saved geometry");
            m_window->setGeometry(before);
        } else if (!reachable(m_window->frameGeometry())) {
            qWarning("Settings: ignoring the saved window geometry: it is off every screen");
            m_window->setGeometry(before);
        } else if (!WindowFit::fits(m_window->geometry())) {
            // Saved on a bigger screen: on this projector some controls would be out of reach.
            qWarning("Settings: ignoring the saved window geometry: it does not fit this screen");
            m_window->setGeometry(before);
        }
    }
    if (!settings.windowState.isEmpty() && !m_window->restoreState(settings.windowState))
        qWarning("Settings: ignoring the saved window state: it is not a saved state");
    for (QSplitter *splitter : m_window->findChildren<QSplitter *>()) {
        const auto it = settings.splitters.constFind(splitter->objectName());
        if (it != settings.splitters.cend() && !splitter->restoreState(*it))
            qWarning("Settings: ignoring the saved sizes of %s: not a saved splitter state",
                     qPrintable(splitter->objectName()));
    }
    m_window->loadSample(Sample {QString(), settings.urlText, settings.repeat, settings.run});
    m_window->statusBar()->clearMessage();
    for (QAction *action : viewSwitches(m_window))
        action->setChecked(settings.viewSwitches.value(action->objectName(), false));
    m_remembered.recentFiles = settings.recentFiles;
    m_remembered.exportFolder = settings.exportFolder;
    m_remembered.exportFormat = settings.exportFormat;
    m_remembered.language = settings.language;
    m_remembered.theme = settings.theme;
    const QString folder = settings.exportFolder.isEmpty() ? QString() : settings.exportFolder + u'/';
    m_window->setExportSuggestion(
        folder + QStringLiteral("crawlscope")
        + (settings.exportFormat.isEmpty() ? QStringLiteral(".png") : settings.exportFormat));
    fillRecentMenu();
}

void WindowSettings::save()
{
    if (!m_window)
        return;
    QSettings stored;
    AppSettings now = current();
    // Chart and slide exports remember their folder through ExportFolder, straight into the same key.
    now.exportFolder = QFileInfo(ExportFolder::path()).absoluteFilePath();
    now.save(stored);
    stored.sync();
    if (stored.status() != QSettings::NoError)
        qWarning("Settings: could not write %s", qPrintable(stored.fileName()));
}

void WindowSettings::resetToDefaults()
{
    {
        QSettings stored;
        stored.clear();
    }
    m_remembered = m_defaults;
    apply(m_defaults);
    Language::apply(QString());
    Theme::apply(QString());
    m_window->statusBar()->showMessage(tr("Settings reset to their defaults."), 5000);
}

void WindowSettings::showPreferences()
{
    PreferencesDialog dialog(m_remembered.language, m_remembered.theme, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_remembered.language = dialog.language();
    m_remembered.theme = dialog.theme();
    Language::apply(m_remembered.language);
    Theme::apply(m_remembered.theme);
    save();
}

void WindowSettings::fillRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_remembered.recentFiles)) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), m_window,
                                                  [this, path] { m_window->openInBackground(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
    }
    m_recentMenu->setEnabled(!m_remembered.recentFiles.isEmpty());
}

void WindowSettings::noteFile(const QString &path)
{
    m_remembered.addRecentFile(QFileInfo(path).absoluteFilePath());
    fillRecentMenu();
}

void WindowSettings::noteExport(const QString &path)
{
    const QFileInfo info(path);
    m_remembered.exportFolder = info.absolutePath();
    ExportFolder::remember(path);
    m_remembered.exportFormat = u'.' + info.suffix().toLower();
    if (path.endsWith(QLatin1String(".trace.json"), Qt::CaseInsensitive))
        m_remembered.exportFormat = QStringLiteral(".trace.json");
    m_window->setExportSuggestion(m_remembered.exportFolder + QStringLiteral("/crawlscope")
                                  + m_remembered.exportFormat);
}

bool WindowSettings::eventFilter(QObject *watched, QEvent *event)
{
    // The type first: while the window is destroyed its children's removal still passes through here, and
    // comparing with m_window then would cast a QObject that is no longer a MainWindow (UBSan's vptr check).
    if (event->type() == QEvent::Close && watched == m_window)
        save();
    return QObject::eventFilter(watched, event);
}
