#include "nativemenus.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "language.h"
#include "mainwindow.h"
#include "requestdetails.h"
#include "timeline/timelineview.h"

namespace {

QString withoutMnemonic(QString text)
{
    text.remove(
        QRegularExpression(QStringLiteral("\\(&[^)]\\)"))); // Korean and Chinese put it after: "모드(&M)"
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(QRegularExpression(QStringLiteral(":$")));
    return text.trimmed();
}

/// A view with no label of its own (a chart, a table, a pane's text) is known by the tab or dock that holds
/// it.
QString containerTitle(const QWidget *widget)
{
    for (const QWidget *child = widget; child && !child->isWindow(); child = child->parentWidget()) {
        const QWidget *parent = child->parentWidget();
        if (auto *dock = qobject_cast<const QDockWidget *>(parent))
            return withoutMnemonic(dock->windowTitle());
        if (auto *tabs = qobject_cast<const QTabWidget *>(parent ? parent->parentWidget() : nullptr)) {
            if (const int index = tabs->indexOf(const_cast<QWidget *>(child)); index >= 0)
                return withoutMnemonic(tabs->tabText(index));
        }
    }
    return {};
}

/// The text a sighted user reads as the control's name: the form label beside it, its own text, its title, or
/// else the first sentence of its tool tip or placeholder, or else the title of the tab or dock it is in.
QString visibleName(QWidget *widget)
{
    if (auto *parent = widget->parentWidget()) {
        if (auto *form = qobject_cast<QFormLayout *>(parent->layout())) {
            if (auto *label = qobject_cast<QLabel *>(form->labelForField(widget)))
                return withoutMnemonic(label->text());
        }
    }
    for (auto *label : widget->window()->findChildren<QLabel *>()) {
        if (label->buddy() == widget)
            return withoutMnemonic(label->text());
    }
    if (auto *button = qobject_cast<QAbstractButton *>(widget); button && !button->text().isEmpty())
        return withoutMnemonic(button->text());
    if (auto *group = qobject_cast<QGroupBox *>(widget); group && !group->title().isEmpty())
        return withoutMnemonic(group->title());
    if (auto *line = qobject_cast<QLineEdit *>(widget); line && !line->placeholderText().isEmpty())
        return line->placeholderText();
    if (auto *label = qobject_cast<QLabel *>(widget); label && !label->text().isEmpty())
        return label->text().section(QRegularExpression(QStringLiteral("[.;:(]")), 0, 0).trimmed();
    const QString tip = widget->toolTip();
    if (QString first = tip.section(QRegularExpression(QStringLiteral("[.;:(]")), 0, 0).trimmed();
        !first.isEmpty())
        return first;
    return containerTitle(widget);
}

} // namespace

NativeMenus *NativeMenus::install(MainWindow *window)
{
    auto *menus = new NativeMenus(window);
    menus->nameControls(window);
    return menus;
}

NativeMenus::NativeMenus(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    QMenuBar *bar = window->menuBar();
    if (QMenu *help = bar->actions().isEmpty() ? nullptr : bar->actions().last()->menu()) {
        QAction *guide = new QAction(tr("Crawlscope &User Guide"), help);
        guide->setShortcuts(QKeySequence::HelpContents);
        guide->setObjectName(QStringLiteral("userGuide"));
        connect(guide, &QAction::triggered, this, &NativeMenus::showUserGuide);
        help->insertAction(help->actions().value(0), guide);
        help->insertSeparator(help->actions().value(1));
    }
    window->installEventFilter(this);
}

void NativeMenus::nameControls(QWidget *root)
{
    for (const QPointer<QWidget> &widget : std::as_const(m_named)) {
        if (widget)
            widget->setAccessibleName(QString());
    }
    m_named.clear();
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus && !qobject_cast<QGroupBox *>(widget))
            continue;
        if (!widget->accessibleName().isEmpty())
            continue;
        // A spin box's line edit and the like are named by their owner.
        if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
            || qobject_cast<QComboBox *>(widget->parentWidget())
            || qobject_cast<QTabWidget *>(widget->parentWidget()))
            continue;
        QString name = visibleName(widget);
        if (widget == m_window->requestTable())
            name = tr("Requests");
        else if (widget == m_window->details())
            name = tr("Request details");
        else if (qobject_cast<QTabWidget *>(widget))
            name = tr("Request views");
        if (name.isEmpty())
            continue;
        widget->setAccessibleName(name);
        m_named.append(widget);
    }
}

QString NativeMenus::userGuidePath()
{
    const QString name = Language::current() == QLatin1String("ko") ? QStringLiteral("README.ko.md")
                                                                    : QStringLiteral("README.md");
    // Installed beside the binary's data, or in the source tree the binary was built from.
    const QStringList folders {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/crawlscope/doc"),
        QStringLiteral(CRAWLSCOPE_SOURCE_DIR),
    };
    for (const QString &folder : folders) {
        for (const QString &file : {name, QStringLiteral("README.md")}) {
            const QFileInfo info(folder + u'/' + file);
            if (info.isFile())
                return info.canonicalFilePath();
        }
    }
    return {};
}

void NativeMenus::showUserGuide()
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Crawlscope User Guide"));
    auto *layout = new QVBoxLayout(dialog);
    auto *browser = new QTextBrowser(dialog);
    browser->setAccessibleName(tr("User guide"));
    // The guide's links are followed here, not by the browser: left to it, a link to a file of the source
    // tree that is not installed (the lesson's ../shared/seed/…) replaced the guide with an empty page, and
    // the dialog has no way back.
    browser->setOpenLinks(false);
    auto *missing = new QLabel(dialog);
    missing->setObjectName(QStringLiteral("missingLink"));
    missing->setWordWrap(true);
    missing->hide();
    connect(browser, &QTextBrowser::anchorClicked, dialog, [browser, missing](const QUrl &link) {
        missing->hide();
        if (link.isRelative() && link.path().isEmpty() && link.hasFragment()) {
            browser->scrollToAnchor(link.fragment());
            return;
        }
        const QUrl target = browser->source().resolved(link);
        if (target.isLocalFile() && !QFileInfo::exists(target.toLocalFile())) {
            missing->setText(tr("“%1” is a file of Crawlscope's source tree; it is not installed with the "
                                "program.")
                                 .arg(link.toString()));
            missing->show();
            return;
        }
        QDesktopServices::openUrl(target); // the web, or an installed file in its own application
    });
    const QString path = userGuidePath();
    if (path.isEmpty())
        browser->setPlainText(tr("The user guide (README.md) is not installed."));
    else
        browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
    layout->addWidget(browser);
    layout->addWidget(missing);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(900, 700);
    dialog->show();
}

bool NativeMenus::eventFilter(QObject *watched, QEvent *event)
{
    // After Retranslator (an application filter runs first) has set the texts the names come from.
    if (event->type() == QEvent::LanguageChange && watched == m_window)
        nameControls(m_window);
    return QObject::eventFilter(watched, event);
}
