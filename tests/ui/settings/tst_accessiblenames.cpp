#include "capture/capturedialog.h"
#include "journal/journalentry.h"
#include "mainwindow.h"
#include "ownsettings.h"
#include "recoverydialog.h"
#include "settings/language.h"
#include "settings/nativemenus.h"
#include "settings/preferencesdialog.h"
#include "settings/retranslator.h"
#include "settings/windowsettings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDebug>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// What a screen reader says for every control a user can reach, in the main window (hidden docks, tabs and
// panels included) and in every dialog of our own. The name is asked of Qt's accessibility layer, as a screen
// reader asks it, so a button's text or a field's buddy label counts and an empty name fails, naming the
// control.

namespace {

bool isInteractive(const QWidget *widget)
{
    if (qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QAbstractSlider *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    return widget->focusPolicy() != Qt::NoFocus;
}

// Parts that their owner speaks for: a spin box's or combo box's line edit, a line edit's clear button, a
// table's corner button, a tab widget's bar (its tabs are named by their titles), scroll bars.
bool isPartOfAnother(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QLineEdit *>(parent)
        || qobject_cast<const QAbstractItemView *>(parent) || qobject_cast<const QScrollBar *>(widget))
        return true;
    if (auto *area = qobject_cast<const QAbstractScrollArea *>(parent); area && area->viewport() == widget)
        return true;
    // A combo box's popup list, and the menu bar's overflow button, are Qt's own.
    for (const QWidget *ancestor = parent; ancestor; ancestor = ancestor->parentWidget()) {
        if (qobject_cast<const QComboBox *>(ancestor))
            return true;
    }
    if (widget->objectName() == u"qt_menubar_ext_button"_s)
        return true;
    if (qobject_cast<const QTabBar *>(widget) && qobject_cast<const QTabWidget *>(parent))
        return true;
    return false;
}

// The control's class and its nearest named ancestors, so a failure says where to look.
QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QObject *object = widget; object && path.size() < 4; object = object->parent()) {
        const QString name = object->objectName();
        if (object == widget || (!name.isEmpty() && !name.startsWith(u"qt_"_s)))
            path.prepend(name.isEmpty()
                             ? QString::fromLatin1(object->metaObject()->className())
                             : QString::fromLatin1(object->metaObject()->className()) + u'#' + name);
    }
    return path.join(u" > ");
}

QStringList unnamedControls(QWidget *root)
{
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        // A label is text, read as itself; an empty one has nothing to read.
        if (!isInteractive(widget) || isPartOfAnother(widget) || qobject_cast<QMenu *>(widget)
            || qobject_cast<QLabel *>(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            missing.append(describe(widget));
            qWarning().noquote() << "no accessible name:" << missing.constLast();
        }
    }
    return missing;
}

QDialog *openDialog(QWidget *parent, const QList<QDialog *> &before)
{
    for (QDialog *dialog : parent->findChildren<QDialog *>()) {
        if (!before.contains(dialog))
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestAccessibleNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void mainWindowControlsHaveNames();
    void dialogsControlsHaveNames();
    void namesFollowTheLanguage();

private:
    QTemporaryDir m_dir;
};

void TestAccessibleNames::initTestCase()
{
    QVERIFY(m_dir.isValid());
    keepSettingsIn(m_dir.path());
    QCoreApplication::setOrganizationName(u"crawlscope-test"_s);
    QCoreApplication::setApplicationName(u"tst_accessiblenames"_s);
    Retranslator::install();
}

void TestAccessibleNames::init()
{
    QSettings().clear();
    Language::apply(u"en"_s);
}

void TestAccessibleNames::mainWindowControlsHaveNames()
{
    // Built as main.cpp builds it; hidden docks, tabs and panels are walked too, since each can be shown.
    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList missing = unnamedControls(&window);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
}

void TestAccessibleNames::dialogsControlsHaveNames()
{
    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    PreferencesDialog preferences(QString(), QString(), &window);
    QStringList missing = unnamedControls(&preferences);
    QVERIFY2(missing.isEmpty(), qPrintable(u"Preferences: "_s + missing.join(u", ")));

    JournalEntry entry;
    entry.path = m_dir.filePath(u"journal.jsonl"_s);
    entry.createdAt = QDateTime::currentDateTimeUtc();
    entry.runs.append(RunResult {});
    RecoveryDialog recovery({entry}, &window);
    missing = unnamedControls(&recovery);
    QVERIFY2(missing.isEmpty(), qPrintable(u"Recovery: "_s + missing.join(u", ")));

    CaptureDialog *capture = window.captureDialog();
    QVERIFY(capture);
    missing = unnamedControls(capture);
    QVERIFY2(missing.isEmpty(), qPrintable(u"Capture: "_s + missing.join(u", ")));

    // Help › User Guide opens its dialog from the menu, as a user would.
    QAction *guide = window.findChild<QAction *>(u"userGuide"_s);
    QVERIFY(guide);
    const QList<QDialog *> before = window.findChildren<QDialog *>();
    guide->trigger();
    QDialog *guideDialog = openDialog(&window, before);
    QVERIFY(guideDialog);
    missing = unnamedControls(guideDialog);
    QVERIFY2(missing.isEmpty(), qPrintable(u"User guide: "_s + missing.join(u", ")));
    guideDialog->close();
}

void TestAccessibleNames::namesFollowTheLanguage()
{
    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CaptureDialog *capture = window.captureDialog();
    Language::apply(u"ko"_s);
    QTRY_COMPARE(window.menuBar()->actions().first()->text(), u"파일(&F)"_s);
    QStringList missing = unnamedControls(&window) + unnamedControls(capture);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
    QAccessibleInterface *run = QAccessible::queryAccessibleInterface(window.runButton());
    QVERIFY(run);
    QCOMPARE(run->text(QAccessible::Name), u"실행"_s);
    Language::apply(u"en"_s);
}

QTEST_MAIN(TestAccessibleNames)
#include "tst_accessiblenames.moc"
