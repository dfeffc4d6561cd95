#pragma once

#include <QHash>
#include <QPlainTextEdit>

/// A read-only Python listing that can point at lines: each marked line is highlighted in its colour, with a
/// count painted at its right end ("× 3"), so a replay can say how many requests are at that line.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeView(QWidget *parent = nullptr);

    /// Marks the 1-based line with count requests (0 takes the mark off).
    void setLineCount(int line, int count, const QColor &colour);
    void clearLineCounts();
    int countAt(int line) const { return m_marks.value(line).count; }
    /// The badge beside a line, as painted: "× 3"; empty for an unmarked line.
    static QString badge(int count);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Mark
    {
        int count = 0;
        QColor colour;
    };
    void applySelections();

    QHash<int, Mark> m_marks;
};
