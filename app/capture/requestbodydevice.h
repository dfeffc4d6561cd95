#pragma once

#include <QByteArray>
#include <QIODevice>

/// A client's request body on its way upstream: the proxy appends bytes as they arrive from the client, and
/// the network manager reads them as it sends. It holds only what has arrived and not yet been sent, so the
/// proxy can stop reading the client while it holds too much (backpressure) instead of buffering a body
/// whole.
///
/// The body's first ReplayBytes are kept after they are read, so that reset() can rewind a short body: Qt
/// resends a request whose kept-alive connection the server had closed, and a sequential device that cannot
/// rewind fails it instead. A longer body cannot be resent, as keeping it would mean holding it whole.
class RequestBodyDevice : public QIODevice
{
    Q_OBJECT

public:
    static constexpr qint64 ReplayBytes = 256 * 1024;

    explicit RequestBodyDevice(QObject *parent = nullptr);

    void append(QByteArrayView bytes);
    /// No more bytes will come: once the held ones are read, reads report the end.
    void finish();
    bool isFinished() const { return m_finished; }
    /// Bytes appended and not yet read.
    qint64 held() const { return m_buffer.size() - m_position; }
    qint64 readTotal() const { return m_readTotal; }
    /// Bytes appended in all.
    qint64 received() const { return m_received; }
    /// When bytes were last appended, or the device was made (on Clock::nowNs()).
    qint64 lastReceivedNs() const { return m_lastReceivedNs; }
    /// Whether reset() can still rewind to the body's first byte.
    bool canReplay() const { return m_replayable; }

    /// Rewinds to the body's first byte while it is still all kept; false once any of it was let go.
    bool reset() override;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

Q_SIGNALS:
    /// Bytes were read out, so there is room for more (emitted after the read has returned).
    void bytesTaken();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_buffer;
    qsizetype m_position = 0; // read up to here
    qint64 m_readTotal = 0;
    qint64 m_received = 0;
    qint64 m_lastReceivedNs = 0;
    bool m_replayable = true; // m_buffer still begins with the body's first byte
    bool m_finished = false;
    bool m_takenPending = false;
};
