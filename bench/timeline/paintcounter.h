#pragma once

#include <QObject>

class QWidget;

/// Counts the paint events a widget really gets, from outside: an event filter, so the benchmark needs no
/// hook in the widget. For a scroll area it watches the viewport, where the painting happens.
class PaintCounter : public QObject
{
    Q_OBJECT

public:
    explicit PaintCounter(QWidget *widget);

    int count() const { return m_count; }
    void reset() { m_count = 0; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int m_count = 0;
};
