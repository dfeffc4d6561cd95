#include "requestselection.h"

#include "runmodel.h"

RequestSelection::RequestSelection(QObject *parent)
    : QObject(parent)
{ }

void RequestSelection::select(RunModel *model, int recordId)
{
    if (!model || recordId < 0) {
        model = nullptr;
        recordId = -1;
    }
    if (model == m_model && recordId == m_recordId)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_recordId = recordId;
    if (model) {
        // A run that is reset or removed takes its selection with it.
        connect(model, &RunModel::runReset, this, &RequestSelection::clear);
        connect(model, &QObject::destroyed, this, &RequestSelection::clear);
    }
    Q_EMIT selectionChanged(model, recordId);
}
