#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include "replay/replaysnapshot.h"

/// The gate at the replay's time, one row per run: the queue at the door with its length, the permits as k
/// seats (taken by a request in flight, by one sleeping with its permit held, or free), and the counts in
/// words. A gather has no door: everything goes at once.
class GatePicture : public QWidget
{
    Q_OBJECT

public:
    explicit GatePicture(QWidget *parent = nullptr);

    int runCount() const { return int(m_snapshots.size()); }
    /// What the picture shows for a run, as drawn.
    const ReplaySnapshot &snapshot(int run) const { return m_snapshots.at(run); }
    /// The counts of a run in words, as drawn beside its seats.
    QString caption(int run) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    /// One snapshot per run, with the runs' names, in the timeline's order.
    void setSnapshots(const QList<ReplaySnapshot> &snapshots, const QStringList &labels);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintRun(QPainter &painter, const QRect &area, int run) const;

    QList<ReplaySnapshot> m_snapshots;
    QStringList m_labels;
};
