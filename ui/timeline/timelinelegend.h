#pragma once

#include <QList>
#include <QWidget>

#include "timelinepalette.h"

/// The key to the timeline's colours: one swatch per phase and per outcome, drawn exactly as the bars are,
/// wrapping onto more lines when narrow.
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        TimelinePalette::Swatch swatch;
        QRect swatchRect;
        QPoint textPos;
    };
    QList<Entry> layoutFor(int width, int *height) const;
};
