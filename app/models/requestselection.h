#pragma once

#include <QObject>
#include <QPointer>

class RunModel;

/// The one selected request of the window: which run and which record. The timeline, the request table,
/// the details pane, the frontier and the site tree all follow this object and report clicks to it,
/// instead of keeping selections of their own that sync each other (hotspot's FilterAndZoomStack shape).
class RequestSelection : public QObject
{
    Q_OBJECT

public:
    explicit RequestSelection(QObject *parent = nullptr);

    RunModel *model() const { return m_model; }
    int recordId() const { return m_model ? m_recordId : -1; }
    bool isEmpty() const { return !m_model || m_recordId < 0; }

public Q_SLOTS:
    /// Selects a request; (nullptr, -1) clears. Selecting what is already selected does nothing.
    void select(RunModel *model, int recordId);
    void clear() { select(nullptr, -1); }

Q_SIGNALS:
    void selectionChanged(RunModel *model, int recordId);

private:
    QPointer<RunModel> m_model;
    int m_recordId = -1;
};
