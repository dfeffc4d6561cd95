#include "requestbodydevice.h"

#include "core/clock.h"

#include <QMetaObject>

#include <algorithm>
#include <cstring>

RequestBodyDevice::RequestBodyDevice(QObject *parent)
    : QIODevice(parent)
    , m_lastReceivedNs(Clock::nowNs())
{
    // Unbuffered: QIODevice's own read-ahead would be a second, unbounded copy of the body.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void RequestBodyDevice::append(QByteArrayView bytes)
{
    if (bytes.isEmpty() || m_finished)
        return;
    m_received += bytes.size();
    m_lastReceivedNs = Clock::nowNs();
    if (m_replayable && m_received > ReplayBytes)
        m_replayable = false;
    if (!m_replayable && m_position > 0 && m_position >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_position);
        m_position = 0;
    }
    m_buffer.append(bytes);
    Q_EMIT readyRead();
}

void RequestBodyDevice::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    // A reader waiting for more learns of the end from a read that returns -1.
    Q_EMIT readyRead();
    Q_EMIT readChannelFinished();
}

qint64 RequestBodyDevice::bytesAvailable() const
{
    return held() + QIODevice::bytesAvailable();
}

bool RequestBodyDevice::atEnd() const
{
    return m_finished && held() == 0;
}

qint64 RequestBodyDevice::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min(maxSize, held());
    if (count == 0)
        return m_finished ? -1 : 0;
    std::memcpy(data, m_buffer.constData() + m_position, size_t(count));
    m_position += count;
    m_readTotal += count;
    if (!m_replayable && m_position == m_buffer.size()) {
        m_buffer.clear();
        m_position = 0;
    }
    // Queued: the reader is inside read(), and refilling from there would re-enter it.
    if (!m_takenPending) {
        m_takenPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_takenPending = false;
                Q_EMIT bytesTaken();
            },
            Qt::QueuedConnection);
    }
    return count;
}

bool RequestBodyDevice::reset()
{
    if (!m_replayable)
        return false;
    // QIODevice::reset() would seek, which a sequential device refuses; being unbuffered, QIODevice holds
    // nothing of its own to drop.
    m_position = 0;
    return true;
}

qint64 RequestBodyDevice::writeData(const char *, qint64)
{
    return -1;
}
