#pragma once

#include <QTableView>

/// A table of requests that repaints only for what it shows. A live run updates hundreds of rows a tick and
/// appends hundreds more, nearly all out of view; a plain QTableView repaints every cell it shows for any
/// change of more than one cell, and again for every batch of rows appended below the bottom of the view.
class RequestTableView : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;

    void setModel(QAbstractItemModel *model) override;
    void setRootIndex(const QModelIndex &index) override;
    void reset() override;
    void doItemsLayout() override;
    /// The header and a row's height (which a horizontal scroll bar may take): the table scrolls, and a short
    /// screen needs the room for the timeline.
    QSize minimumSizeHint() const override;

    /// Whether any of rows [first, last] of the root is on screen now.
    bool showsRows(int first, int last) const;
    /// Repaints of the shown rows that changes out of sight did not cause, for tests.
    int skippedChanges() const { return m_skipped; }
    /// Layouts done without repainting the shown rows, because only rows below them came, for tests.
    int quietLayouts() const { return m_quietLayouts; }

Q_SIGNALS:
    /// The rows' area changed size: the window, a splitter or a dock moved.
    void viewportResized();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void needFullLayout() { m_fullLayout = true; }

    int m_skipped = 0;
    int m_quietLayouts = 0;
    // Since the last layout: rows came below the rows in sight (and nothing else moved them).
    bool m_appendedBelow = false;
    // At the last paint, rows filled the viewport to its bottom.
    bool m_filledAtPaint = false;
    // Since the last layout: something else changed what the rows are or where they are.
    bool m_fullLayout = false;
    // Since the last layout or whole paint: rows in sight changed. Qt leaves their repaint to a pending
    // layout, and a layout of rows appended below repaints nothing of its own, so it repaints them then.
    bool m_changedInSight = false;
};
