#include "urleditor.h"

#include "export/atomicfile.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

/// The URL box asks for a few lines, where a QPlainTextEdit asks for 192 px. The settings scroll on a short
/// screen (a 1280×720 projector at 200 %), and were sized by what each part asked for: the count of URLs
/// and requests and the repeat, under the box, fell below the fold. Where there is room, the layout's stretch
/// still gives the box all of it.
class UrlTextEdit : public QPlainTextEdit
{
public:
    explicit UrlTextEdit(QWidget *parent)
        : QPlainTextEdit(parent)
    {
        // Lines do not wrap, so a URL wider than the column brings a scroll bar under them; the hint makes
        // room for it, so the lines stay in view.
        connect(horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this](int minimum, int maximum) {
            if ((maximum > minimum) != m_scrolls) {
                m_scrolls = maximum > minimum;
                updateGeometry();
            }
        });
    }

    QSize sizeHint() const override
    {
        constexpr int Lines = 4;
        const QSize full = QPlainTextEdit::sizeHint();
        const QMargins margins = contentsMargins() + viewportMargins();
        int height = fontMetrics().lineSpacing() * Lines + 2 * int(document()->documentMargin())
            + margins.top() + margins.bottom();
        if (m_scrolls && horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
            height += horizontalScrollBar()->sizeHint().height();
        return {full.width(), std::min(full.height(), height)};
    }

private:
    bool m_scrolls = false;
};

} // namespace

UrlEditor::UrlEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new UrlTextEdit(this))
    , m_repeat(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_parseTimer(new QTimer(this))
{
    m_editor->setPlaceholderText(
        tr("Paste URLs here, one per line.\n# comments and blank lines are ignored.\n"
           "{demo} is the built-in demo server."));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setAcceptDrops(false); // the widget takes file drops itself
    m_editor->viewport()->setAcceptDrops(false);
    m_editor->setAccessibleName(tr("URLs"));
    setAcceptDrops(true);
    m_editor->installEventFilter(this);

    m_repeat->setRange(1, 100'000);
    m_repeat->setPrefix(tr("repeat × "));
    m_repeat->setToolTip(tr("Run the list this many times, like the lesson's [url] * 5"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errors->hide();

    m_summary->setWordWrap(true); // a narrow settings column wraps it instead of scrolling sideways
    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errors);
    layout->addLayout(row);

    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(150);
    connect(m_parseTimer, &QTimer::timeout, this, &UrlEditor::reparse);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_dirty = true;
        m_parseTimer->start();
    });
    connect(m_repeat, &QSpinBox::valueChanged, this, &UrlEditor::reparse);
    reparse();
}

void UrlEditor::setText(const QString &text)
{
    m_editor->setPlainText(text);
    reparse();
}

QString UrlEditor::text() const
{
    return m_editor->toPlainText();
}

void UrlEditor::setRepeat(int repeat)
{
    m_repeat->setValue(repeat);
}

int UrlEditor::repeat() const
{
    return m_repeat->value();
}

void UrlEditor::setSubstitutions(const QHash<QString, QString> &substitutions)
{
    m_substitutions = substitutions;
    m_dirty = true;
    reparse();
}

const UrlList &UrlEditor::urlList()
{
    if (m_dirty)
        reparse();
    return m_list;
}

QList<QUrl> UrlEditor::urls()
{
    const UrlList &list = urlList(); // reparses first when the text changed
    if (!m_repeated)
        m_repeated = list.repeated(repeat());
    return *m_repeated;
}

bool UrlEditor::openFile(const QString &path, QString *error)
{
    const auto data = readWholeFile(path, error);
    if (!data)
        return false;
    setText(QString::fromUtf8(*data));
    return true;
}

void UrlEditor::reparse()
{
    m_parseTimer->stop();
    m_list = parseUrlList(m_editor->toPlainText(), m_substitutions);
    m_dirty = false;
    m_repeated.reset();
    const int valid = int(m_list.urls.size());
    const int total = valid * repeat();
    m_summary->setText(repeat() > 1
                           ? tr("%n valid URL(s) × %1 = %2 requests", nullptr, valid).arg(repeat()).arg(total)
                           : tr("%n valid URL(s)", nullptr, valid));
    showErrors();
    Q_EMIT urlsChanged(valid, int(m_list.errors.size()));
}

void UrlEditor::showErrors()
{
    QList<QTextEdit::ExtraSelection> selections;
    QStringList lines;
    for (const auto &error : std::as_const(m_list.errors)) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(error.line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            selection.format.setUnderlineColor(QColor(0xb3, 0x26, 0x1e));
            selection.format.setBackground(QColor(0xfd, 0xec, 0xea));
            selection.format.setToolTip(error.detail.isEmpty() ? error.reason
                                                               : error.reason + u'\n' + error.detail);
            selections.append(selection);
        }
        lines.append(tr("Line %1: %2").arg(error.line).arg(error.reason));
    }
    m_editor->setExtraSelections(selections);
    m_errors->setVisible(!lines.isEmpty());
    constexpr int shown = 5;
    if (lines.size() > shown) {
        const int more = int(lines.size()) - shown;
        lines = lines.mid(0, shown);
        lines.append(tr("… and %n more", nullptr, more));
    }
    m_errors->setText(lines.join(QLatin1Char('\n')));
}

void UrlEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        reparse();
    QWidget::changeEvent(event);
}

bool UrlEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Show the reason of a bad line when hovering it (extra selections carry no tooltip by themselves).
    if (watched == m_editor && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line
            = m_editor->cursorForPosition(m_editor->viewport()->mapFrom(m_editor, help->pos())).blockNumber()
            + 1;
        for (const auto &error : std::as_const(m_list.errors)) {
            if (error.line == line) {
                m_editor->setToolTip(error.detail.isEmpty() ? error.reason
                                                            : error.reason + u'\n' + error.detail);
                return false;
            }
        }
        m_editor->setToolTip(QString());
    }
    return QWidget::eventFilter(watched, event);
}

void UrlEditor::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void UrlEditor::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    QString error;
    if (!openFile(urls.first().toLocalFile(), &error)) {
        m_errors->setText(error);
        m_errors->show();
        return;
    }
    event->acceptProposedAction();
}
