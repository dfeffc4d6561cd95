#pragma once

#include <QObject>
#include <QPointer>

class RunModel;

/// Follows one RunModel for a model built on top of it (the frontier, the site tree), and passes on what
/// happens to it as plain signals: record batches, resets, crawl changes. The RunModel going away reads as
/// a reset to no run, so a follower never holds a dangling source.
class RunModelFollower : public QObject
{
    Q_OBJECT

public:
    explicit RunModelFollower(QObject *parent = nullptr);

    RunModel *source() const;
    /// Follows source (nullptr for none), announced as a reset.
    void setSource(RunModel *source);

Q_SIGNALS:
    void aboutToReset();
    void reset();
    void recordsInserted(int first, int last);
    void recordsChanged(int first, int last);
    void crawlChanged();

private:
    QPointer<RunModel> m_source;
};
