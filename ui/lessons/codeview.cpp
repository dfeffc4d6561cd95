#include "codeview.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

QString CodeView::badge(int count)
{
    return count > 0 ? QStringLiteral("× %1").arg(count) : QString();
}

void CodeView::setLineCount(int line, int count, const QColor &colour)
{
    if (line <= 0)
        return;
    if (count > 0)
        m_marks.insert(line, {count, colour});
    else
        m_marks.remove(line);
    applySelections();
}

void CodeView::clearLineCounts()
{
    m_marks.clear();
    applySelections();
}

void CodeView::applySelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        QColor background = it.value().colour;
        background.setAlpha(60);
        selection.format.setBackground(background);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selections.append(selection);
    }
    setExtraSelections(selections);
    viewport()->update();
}

void CodeView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_marks.isEmpty())
        return;
    // The counts sit at the right edge of the visible area, so they stay in view however long the line is.
    QPainter painter(viewport());
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QFontMetrics metrics(bold);
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid() || !block.isVisible())
            continue;
        const QRectF line = blockBoundingGeometry(block).translated(contentOffset());
        if (line.bottom() < 0 || line.top() > viewport()->height())
            continue;
        const QString text = badge(it.value().count);
        const int width = metrics.horizontalAdvance(text) + 10;
        const QRectF box(viewport()->width() - width - 4, line.top() + 1, width, line.height() - 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(it.value().colour);
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, text);
    }
}
