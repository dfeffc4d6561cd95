#include "crawlsettingsbox.h"
#include "input/samples.h"
#include "lessons/codepane.h"
#include "lessons/lessonpane.h"
#include "lessons/lessonpanels.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "models/requestselection.h"
#include "ownsettings.h"
#include "session/runsession.h"
#include "settings/appsettings.h"
#include "settings/language.h"
#include "settings/nativemenus.h"
#include "settings/preferencesdialog.h"
#include "settings/retranslator.h"
#include "settings/windowsettings.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

/// Stands in for the desktop's applications: what QDesktopServices was asked to open.
class LinkCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

// What the window remembers, what it refuses to remember, and the language switch. QSettings points at a
// temporary folder for the whole test: the user's settings are never read or written.

class TestWindowSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTripsEveryValue();
    void corruptValuesAreIgnoredEachWithAWarning_data();
    void corruptValuesAreIgnoredEachWithAWarning();
    void windowRemembersItsStateAcrossLaunches();
    void geometryOffEveryScreenIsIgnored();
    void resetToDefaultsRestoresTheFirstLaunch();
    void anEmptyRecentListReadsBackQuietly();
    void recentFilesAndExportFolderAreRemembered();
    void languageSwitchesWithoutARestart();
    void formattedTextsFollowTheLanguage();
    void englishSaysOneAndManyWhole();
    void theProgramsCommentsFollowTheLanguage();
    void everyControlHasAnAccessibleName();
    void menusShowTheStandardShortcuts();

private:
    QTemporaryDir m_dir;
};

void TestWindowSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    keepSettingsIn(m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("crawlscope-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowsettings"));
    QVERIFY(QSettings().fileName().startsWith(m_dir.path()));
}

void TestWindowSettings::init()
{
    QSettings().clear();
    Language::apply(QStringLiteral("en"));
}

void TestWindowSettings::roundTripsEveryValue()
{
    AppSettings saved;
    saved.geometry = QByteArrayLiteral("\x01\xd9\xd0\xcb");
    saved.windowState = QByteArrayLiteral("state");
    saved.splitters.insert(QStringLiteral("mainSplitter"), QByteArrayLiteral("sizes"));
    saved.urlText = QStringLiteral("http://a.test/1\n# a comment, with commas\nhttp://b.test/2");
    saved.repeat = 7;
    saved.run.mode = RunMode::Gather;
    saved.run.limit = 42;
    saved.run.delayMs = 250;
    saved.run.perHost = 3;
    saved.run.timeoutMs = 1234;
    saved.run.crawl.enabled = true;
    saved.run.crawl.maxDepth = 2;
    saved.run.crawl.maxPages = 77;
    saved.run.crawl.scope = ScopeKind::Site;
    saved.run.crawl.includes = {QStringLiteral("/docs/")};
    saved.run.crawl.excludes = {QStringLiteral("\\.pdf$")};
    saved.run.crawl.obeyRobots = false;
    saved.run.crawl.honourNofollow = false;
    saved.run.crawl.sortQuery = true;
    saved.viewSwitches = {{QStringLiteral("viewLanes"), true}, {QStringLiteral("viewIdeal"), false}};
    saved.recentFiles = {QStringLiteral("/tmp/b.json"), QStringLiteral("/tmp/a.txt")};
    saved.exportFolder = QStringLiteral("/tmp/exports");
    saved.exportFormat = QStringLiteral(".har");
    saved.language = QStringLiteral("ko");
    saved.theme = QStringLiteral("dark");
    {
        QSettings settings;
        saved.save(settings);
    }
    QSettings settings;
    const AppSettings loaded = AppSettings::load(settings);
    QCOMPARE(loaded.geometry, saved.geometry);
    QCOMPARE(loaded.windowState, saved.windowState);
    QCOMPARE(loaded.splitters, saved.splitters);
    QCOMPARE(loaded.urlText, saved.urlText);
    QCOMPARE(loaded.repeat, saved.repeat);
    QCOMPARE(loaded.run.mode, saved.run.mode);
    QCOMPARE(loaded.run.limit, saved.run.limit);
    QCOMPARE(loaded.run.delayMs, saved.run.delayMs);
    QCOMPARE(loaded.run.perHost, saved.run.perHost);
    QCOMPARE(loaded.run.timeoutMs, saved.run.timeoutMs);
    QVERIFY(loaded.run.crawl == saved.run.crawl);
    QCOMPARE(loaded.viewSwitches, saved.viewSwitches);
    QCOMPARE(loaded.recentFiles, saved.recentFiles);
    QCOMPARE(loaded.exportFolder, saved.exportFolder);
    QCOMPARE(loaded.exportFormat, saved.exportFormat);
    QCOMPARE(loaded.language, saved.language);
    QCOMPARE(loaded.theme, saved.theme);
}

void TestWindowSettings::corruptValuesAreIgnoredEachWithAWarning_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");

    QTest::newRow("limit above the slider") << u"run/limit"_s << QVariant(u"1001"_s);
    QTest::newRow("limit zero") << u"run/limit"_s << QVariant(u"0"_s);
    QTest::newRow("limit not a number") << u"run/limit"_s << QVariant(u"three"_s);
    QTest::newRow("negative delay") << u"run/delayMs"_s << QVariant(u"-5"_s);
    QTest::newRow("timeout zero") << u"run/timeoutMs"_s << QVariant(u"0"_s);
    QTest::newRow("per host huge") << u"run/perHost"_s << QVariant(u"99999999999"_s);
    QTest::newRow("repeat zero") << u"run/repeat"_s << QVariant(u"0"_s);
    QTest::newRow("unknown mode") << u"run/mode"_s << QVariant(u"turbo"_s);
    QTest::newRow("unknown scope") << u"crawl/scope"_s << QVariant(u"planet"_s);
    QTest::newRow("bad pattern") << u"crawl/include"_s << QVariant(u"(unclosed"_s);
    QTest::newRow("boolean not a boolean") << u"crawl/enabled"_s << QVariant(u"maybe"_s);
    QTest::newRow("view switch not a boolean") << u"view/viewLanes"_s << QVariant(u"2"_s);
    QTest::newRow("geometry not bytes") << u"window/geometry"_s << QVariant(u"800x600"_s);
    QTest::newRow("unknown export format") << u"files/exportFormat"_s << QVariant(u".exe"_s);
    QTest::newRow("unknown language") << u"ui/language"_s << QVariant(u"xx"_s);
    QTest::newRow("unknown theme") << u"ui/theme"_s << QVariant(u"neon"_s);
    QTest::newRow("urls not text") << u"run/urls"_s << QVariant(QStringList {u"a"_s, u"b"_s});
}

void TestWindowSettings::corruptValuesAreIgnoredEachWithAWarning()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    {
        QSettings settings;
        settings.setValue(key, value);
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring %1 = ").arg(key)));
    QSettings settings;
    const AppSettings loaded = AppSettings::load(settings);
    const AppSettings defaults;
    QCOMPARE(loaded.run.limit, defaults.run.limit);
    QCOMPARE(loaded.run.delayMs, defaults.run.delayMs);
    QCOMPARE(loaded.run.timeoutMs, defaults.run.timeoutMs);
    QCOMPARE(loaded.run.perHost, defaults.run.perHost);
    QCOMPARE(loaded.run.mode, defaults.run.mode);
    QVERIFY(loaded.run.crawl == defaults.run.crawl);
    QCOMPARE(loaded.repeat, defaults.repeat);
    QVERIFY(loaded.viewSwitches.isEmpty());
    QVERIFY(loaded.geometry.isEmpty());
    QVERIFY(loaded.exportFormat.isEmpty());
    QVERIFY(loaded.language.isEmpty());
    QVERIFY(loaded.urlText.isEmpty());

    // The window opens on such a file, usable, with the value at its default.
    MainWindow window;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring %1 = ").arg(key)));
    WindowSettings::attach(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.settings().limit, defaults.run.limit);
    QVERIFY(window.runButton()->isEnabled());
}

void TestWindowSettings::windowRemembersItsStateAcrossLaunches()
{
    QList<int> sizes;
    QSize size;
    {
        MainWindow window;
        auto *settings = WindowSettings::attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.urlEditor()->setText(QStringLiteral("{demo}/delay/10\n{demo}/delay/20"));
        window.urlEditor()->setRepeat(4);
        window.modeBox()->setCurrentIndex(window.modeBox()->findData(int(RunMode::Gather)));
        window.limitSlider()->setValue(25);
        window.crawlBox()->setChecked(true);
        window.findChild<QAction *>(QStringLiteral("viewLanes"))->setChecked(true);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        window.resize(700, 500);
        splitter->setSizes({splitter->widget(0)->minimumSizeHint().width() + 60, 100});
        sizes = splitter->sizes();
        size = window.size(); // at least the minimum size
        QVERIFY(settings);
        window.close(); // saves
    }
    MainWindow window;
    WindowSettings::attach(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.urlEditor()->text(), QStringLiteral("{demo}/delay/10\n{demo}/delay/20"));
    QCOMPARE(window.urlEditor()->repeat(), 4);
    QCOMPARE(window.settings().mode, RunMode::Gather);
    QCOMPARE(window.settings().limit, 25);
    QVERIFY(window.settings().crawl.enabled);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("viewLanes"))->isChecked());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("viewIdeal"))->isChecked());
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    QCOMPARE(window.size(), size);
}

void TestWindowSettings::geometryOffEveryScreenIsIgnored()
{
    QByteArray offScreen;
    {
        QWidget probe;
        probe.setGeometry(40000, 40000, 640, 480);
        offScreen = probe.saveGeometry();
    }
    {
        AppSettings saved;
        saved.geometry = offScreen;
        QSettings settings;
        saved.save(settings);
    }
    MainWindow window;
    // Qt may already pull it back on screen; if it does not, WindowSettings must, and say so.
    WindowSettings::attach(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect screen = window.screen()->availableGeometry();
    QVERIFY2(screen.intersects(window.frameGeometry()),
             qPrintable(QStringLiteral("window at %1,%2 is off the screen")
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())));

    {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), QByteArrayLiteral("not a geometry at all"));
    }
    MainWindow second;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a saved geometry")));
    WindowSettings::attach(&second);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(second.screen()->availableGeometry().intersects(second.frameGeometry()));
}

void TestWindowSettings::resetToDefaultsRestoresTheFirstLaunch()
{
    {
        AppSettings saved;
        saved.urlText = QStringLiteral("http://a.test/");
        saved.run.limit = 99;
        saved.run.crawl.enabled = true;
        saved.viewSwitches.insert(QStringLiteral("viewIdeal"), true);
        saved.recentFiles = {QStringLiteral("/tmp/x.json")};
        QSettings settings;
        saved.save(settings);
    }
    MainWindow window;
    auto *settings = WindowSettings::attach(&window);
    QCOMPARE(window.settings().limit, 99);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("viewIdeal"))->isChecked());

    // Reset is in the Edit menu.
    QAction *reset = window.findChild<QAction *>(QStringLiteral("resetToDefaults"));
    QVERIFY(reset);
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("editMenu"))->actions().contains(reset));
    reset->trigger();

    // By value: lessonSamples() returns a temporary list, which a reference into it would outlive.
    const Sample lesson = lessonSamples().first();
    QCOMPARE(window.urlEditor()->text(), lesson.urlText);
    QCOMPARE(window.settings().limit, lesson.settings.limit);
    QVERIFY(!window.settings().crawl.enabled);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("viewIdeal"))->isChecked());
    QVERIFY(settings->recentMenu()->actions().isEmpty());
    QVERIFY(QSettings().allKeys().isEmpty());
}

void TestWindowSettings::anEmptyRecentListReadsBackQuietly()
{
    // What the window saves when nothing was opened yet is read back without a warning about it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("ignoring")));
    AppSettings saved;
    saved.recentFiles = {QStringLiteral("/tmp/a.json")};
    {
        QSettings settings;
        saved.save(settings);
        saved.recentFiles.clear();
        saved.save(settings);
    }
    QSettings settings;
    QVERIFY(settings.contains(QStringLiteral("files/recent")));
    QCOMPARE(AppSettings::load(settings).recentFiles, QStringList());
}

void TestWindowSettings::recentFilesAndExportFolderAreRemembered()
{
    QTemporaryDir dir;
    const QString urls = dir.filePath(QStringLiteral("list.txt"));
    QFile file(urls);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("http://a.test/\n");
    file.close();
    {
        MainWindow window;
        auto *settings = WindowSettings::attach(&window);
        QString error;
        QVERIFY2(window.openFile(urls, &error), qPrintable(error));
        QCOMPARE(settings->recentMenu()->actions().size(), 1);
        QCOMPARE(settings->recentMenu()->actions().first()->text(), QStringLiteral("list.txt"));
        const QString exported = dir.filePath(QStringLiteral("out.svg"));
        QVERIFY(!window.exportInBackground(exported)); // a picture: written at once
        QVERIFY(QFile::exists(exported));
        window.close();
    }
    QSettings stored;
    const AppSettings loaded = AppSettings::load(stored);
    QCOMPARE(loaded.recentFiles, QStringList {urls});
    QCOMPARE(loaded.exportFolder, dir.path());
    QCOMPARE(loaded.exportFormat, QStringLiteral(".svg"));

    MainWindow window;
    auto *settings = WindowSettings::attach(&window);
    QCOMPARE(settings->recentMenu()->actions().size(), 1);
    window.urlEditor()->setText(QString());
    settings->recentMenu()->actions().first()->trigger();
    QCOMPARE(window.urlEditor()->text(), QStringLiteral("http://a.test/\n"));
}

void TestWindowSettings::languageSwitchesWithoutARestart()
{
    Retranslator::install();
    MainWindow window;
    auto *settings = WindowSettings::attach(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenuBar *bar = window.menuBar();
    QCOMPARE(bar->actions().first()->text(), QStringLiteral("&File"));
    QCOMPARE(window.runButton()->text(), QStringLiteral("Run"));

    QCOMPARE(Language::apply(QStringLiteral("ko")), QStringLiteral("ko"));
    QTRY_COMPARE(bar->actions().first()->text(), QStringLiteral("파일(&F)"));
    QCOMPARE(window.runButton()->text(), QStringLiteral("실행"));
    QCOMPARE(window.crawlBox()->title(), QStringLiteral("크롤링(&W): 링크 따라가기"));
    QCOMPARE(window.modeBox()->itemText(0), QStringLiteral("순차"));
    QCOMPARE(window.findChild<QMenu *>(QStringLiteral("editMenu"))->title(), QStringLiteral("편집(&E)"));
    // Qt's own strings follow: the standard buttons of a dialog.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));

    // The choice made in Preferences is kept for the next launch.
    PreferencesDialog dialog(QStringLiteral("ko"), QStringLiteral("dark"));
    QCOMPARE(dialog.language(), QStringLiteral("ko"));
    QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("한국어"));
    QCOMPARE(dialog.theme(), QStringLiteral("dark"));
    QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("어둡게"));

    QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(bar->actions().first()->text(), QStringLiteral("&File"));
    QCOMPARE(window.runButton()->text(), QStringLiteral("Run"));
    QCOMPARE(window.modeBox()->itemText(2), QStringLiteral("Limited (semaphore)"));
    QVERIFY(settings);
}

void TestWindowSettings::theProgramsCommentsFollowTheLanguage()
{
    // A Korean classroom reads the program's comments in Korean; the code, and where each line is, stay.
    Retranslator::install();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.modeBox()->setCurrentIndex(window.modeBox()->findData(int(RunMode::Limited)));
    window.delayBox()->setValue(500); // the delay's comment too
    CodePane *code = window.lessons()->codePane();
    QTRY_VERIFY(code->text().contains(u"asyncio.sleep(0.5"_s));
    const QStringList english = code->text().split(u'\n');
    const auto isComment = [](const QString &line) { return line.trimmed().startsWith(u'#'); };
    QVERIFY(std::count_if(english.cbegin(), english.cend(), isComment) >= 4);
    const QRegularExpression hangul(u"[\\x{AC00}-\\x{D7A3}]"_s);

    QCOMPARE(Language::apply(u"ko"_s), u"ko"_s);
    QTRY_VERIFY(code->text() != english.join(u'\n'));
    const QStringList korean = code->text().split(u'\n');
    QCOMPARE(korean.size(), english.size());
    for (qsizetype i = 0; i < english.size(); ++i) {
        if (isComment(english.at(i)))
            QVERIFY2(korean.at(i).contains(hangul), qPrintable(korean.at(i)));
        else
            QCOMPARE(korean.at(i), english.at(i));
    }
    QVERIFY(window.lessons()->lessonPane()->programText().contains(hangul));

    QCOMPARE(Language::apply(u"en"_s), u"en"_s);
    QTRY_COMPARE(code->text(), english.join(u'\n'));
}

void TestWindowSettings::englishSaysOneAndManyWhole()
{
    // The source texts write "URL(s)"; English says "1 valid URL" and "2 valid URLs", at start and after a
    // switch to Korean and back.
    Retranslator::install();
    MainWindow window;
    QLabel *summary = window.urlEditor()->summaryLabel();
    window.urlEditor()->setRepeat(1);
    window.urlEditor()->setText(u"{demo}/delay/10"_s);
    QCOMPARE(summary->text(), u"1 valid URL"_s);
    window.urlEditor()->setText(u"{demo}/delay/10\n{demo}/delay/20"_s);
    QCOMPARE(summary->text(), u"2 valid URLs"_s);
    window.urlEditor()->setRepeat(3);
    QCOMPARE(summary->text(), u"2 valid URLs × 3 = 6 requests"_s);

    QCOMPARE(Language::apply(u"ko"_s), u"ko"_s);
    QTRY_VERIFY(!summary->text().contains(u"valid"_s));
    QCOMPARE(Language::apply(u"en"_s), u"en"_s);
    QTRY_COMPARE(summary->text(), u"2 valid URLs × 3 = 6 requests"_s);
    QCOMPARE(QCoreApplication::translate("MainWindow", "Opened %n run(s) from %1", nullptr, 1),
             u"Opened 1 run from %1"_s);
    QCOMPARE(QCoreApplication::translate("FrontierView", "%n retry(s)", nullptr, 2), u"2 retries"_s);

    // A system language Crawlscope does not speak: English, with its plurals, and Qt's dialogs in English too
    // (not French buttons in an English window).
    QCOMPARE(Language::apply(QString(), QLocale(QLocale::French, QLocale::France)), u"en"_s);
    QTRY_COMPARE(summary->text(), u"2 valid URLs × 3 = 6 requests"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    // And one it does, from the system: Korean, Qt's dialogs with it.
    QCOMPARE(Language::apply(QString(), QLocale(QLocale::Korean, QLocale::SouthKorea)), u"ko"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"취소"_s);
    QCOMPARE(Language::apply(u"en"_s), u"en"_s);
}

void TestWindowSettings::formattedTextsFollowTheLanguage()
{
    // The texts that carry a number or a URL are not in the catalogue as shown; their code says them again
    // when the language changes, and no English is left behind (nor Korean after switching back).
    Retranslator::install();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(window.session(), &RunSession::finished);
    window.urlEditor()->setText(u"{demo}/delay/10\nnot a url"_s);
    window.urlEditor()->setRepeat(2);
    window.run();
    QVERIFY(finished.wait(30'000));
    window.selection()->select(window.session()->models().constFirst(), 0);
    const auto shown = [&window] {
        QStringList texts;
        for (const QLabel *label : window.findChildren<QLabel *>())
            texts << label->text();
        for (const QSpinBox *spin : window.findChildren<QSpinBox *>())
            texts << spin->specialValueText();
        for (const QTextBrowser *browser : window.findChildren<QTextBrowser *>())
            texts << browser->toPlainText();
        return texts.join(u'\n');
    };
    const QStringList english {u"valid URL"_s, u"the built-in demo server"_s,
                               u"× timeout"_s, u"Done 2/2"_s,
                               u"Line 2"_s,    u"measured"_s,
                               u"First byte"_s};
    QTRY_VERIFY(shown().contains(u"measured"_s));
    for (const QString &text : english)
        QVERIFY2(shown().contains(text), qPrintable(text));

    QCOMPARE(Language::apply(u"ko"_s), u"ko"_s);
    QTRY_VERIFY(!shown().contains(u"valid URL"_s));
    const QString korean = shown();
    for (const QString &text : english)
        QVERIFY2(!korean.contains(text), qPrintable(text + u" is still there:\n"_s + korean));
    for (const QString &text :
         {u"올바른 URL"_s, u"내장 데모 서버"_s, u"완료 2/2"_s, u"측정"_s, u"첫 바이트"_s})
        QVERIFY2(korean.contains(text), qPrintable(text));

    QCOMPARE(Language::apply(u"en"_s), u"en"_s);
    QTRY_VERIFY(shown().contains(u"valid URL"_s));
    const QString back = shown();
    for (const QString &text : english)
        QVERIFY2(back.contains(text), qPrintable(text));
    QVERIFY2(!back.contains(u"내장 데모 서버"_s), qPrintable(back));
}

void TestWindowSettings::everyControlHasAnAccessibleName()
{
    Retranslator::install();
    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto unnamed = [&window] {
        QStringList missing;
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(&window))
                continue;
            if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QComboBox *>(widget->parentWidget())
                || qobject_cast<QTabWidget *>(widget->parentWidget()))
                continue;
            if (widget->accessibleName().isEmpty())
                missing.append(QString::fromLatin1(widget->metaObject()->className()) + u' '
                               + widget->objectName());
        }
        return missing;
    };
    QVERIFY2(unnamed().isEmpty(), qPrintable(unnamed().join(u", ")));
    QCOMPARE(window.modeBox()->accessibleName(), u"Mode"_s);
    QCOMPARE(window.runButton()->accessibleName(), u"Run"_s);

    // Names follow the language, from the labels they were taken from.
    Language::apply(u"ko"_s);
    QTRY_COMPARE(window.modeBox()->accessibleName(), u"모드"_s);
    QVERIFY2(unnamed().isEmpty(), qPrintable(unnamed().join(u", ")));
    Language::apply(u"en"_s);
    QTRY_COMPARE(window.modeBox()->accessibleName(), u"Mode"_s);
}

void TestWindowSettings::menusShowTheStandardShortcuts()
{
    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    QHash<QString, QKeySequence> shortcuts;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions())
            shortcuts.insert(action->text(), action->shortcut());
    }
    QCOMPARE(shortcuts.value(u"&Open…"_s), QKeySequence(QKeySequence::Open));
    QCOMPARE(shortcuts.value(u"&Export…"_s), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(shortcuts.value(u"&Quit"_s), QKeySequence(QKeySequence::Quit));
    QCOMPARE(shortcuts.value(u"&Run"_s), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(shortcuts.value(u"&Stop"_s), QKeySequence(Qt::Key_Escape));
    // Ctrl+= / Ctrl+- / Ctrl+0 zoom the whole UI's text (the timeline zooms with + and - of its own).
    QCOMPARE(shortcuts.value(u"&Larger Text"_s), QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QCOMPARE(shortcuts.value(u"S&maller Text"_s), QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QCOMPARE(shortcuts.value(u"&Actual Text Size"_s), QKeySequence(Qt::CTRL | Qt::Key_0));
    QVERIFY(shortcuts.contains(u"Crawlscope &User Guide"_s));
    QVERIFY(shortcuts.contains(u"Reset to &Defaults"_s));

    // The user guide is the README, found from the build tree, shown in the window.
    QVERIFY(NativeMenus::userGuidePath().endsWith(u"README.md"_s));
    window.findChild<QAction *>(u"userGuide"_s)->trigger();
    auto *dialog = window.findChild<QDialog *>();
    QVERIFY(dialog);
    auto *guide = dialog->findChild<QTextBrowser *>();
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    QVERIFY(guide->toPlainText().contains(u"The two commands"_s));

    // A link to a file that is not there leaves the guide as it is and says why; one to a file that is
    // there, or to the web, goes to the desktop's own application.
    const QUrl source = guide->source();
    auto *missing = dialog->findChild<QLabel *>(u"missingLink"_s);
    QVERIFY(missing);
    Q_EMIT guide->anchorClicked(QUrl(u"../no-such-folder/lesson.md"_s));
    QCOMPARE(guide->source(), source);
    QVERIFY(guide->toPlainText().contains(u"The two commands"_s));
    QVERIFY(missing->isVisible());
    QVERIFY2(missing->text().contains(u"../no-such-folder/lesson.md"_s), qPrintable(missing->text()));
    LinkCatcher opened;
    QDesktopServices::setUrlHandler(u"file"_s, &opened, "open");
    QDesktopServices::setUrlHandler(u"https"_s, &opened, "open");
    Q_EMIT guide->anchorClicked(QUrl(u"README.md"_s));
    Q_EMIT guide->anchorClicked(QUrl(u"https://example.com/"_s));
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
    QCOMPARE(opened.urls,
             (QList<QUrl> {source.resolved(QUrl(u"README.md"_s)), QUrl(u"https://example.com/"_s)}));
    QVERIFY(!missing->isVisible());
    QCOMPARE(guide->source(), source);
    Language::apply(u"ko"_s);
    QVERIFY(NativeMenus::userGuidePath().endsWith(u"README.ko.md"_s));
    Language::apply(u"en"_s);
}

QTEST_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
