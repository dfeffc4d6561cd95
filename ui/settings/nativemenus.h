#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class MainWindow;
class QWidget;

/// What makes the window feel like the desktop's own: View › Zoom In / Zoom Out on the standard shortcuts
/// (Ctrl++ and Ctrl+-, beside Fit on Ctrl+0), Help › User Guide (the README, shown in the window's language),
/// and an accessible name on every control, taken from its label, text or tool tip and renewed when the
/// language changes.
class NativeMenus : public QObject
{
    Q_OBJECT

public:
    static NativeMenus *install(MainWindow *window);

    /// Names every control under root that has no accessible name of its own.
    void nameControls(QWidget *root);
    void showUserGuide();
    /// The README to show for the current language, or an empty string when none is found.
    static QString userGuidePath();

private:
    explicit NativeMenus(MainWindow *window);
    bool eventFilter(QObject *watched, QEvent *event) override;

    MainWindow *m_window;
    QList<QPointer<QWidget>> m_named; // the names this object gave, so a language change renews only those
};
