#pragma once

#include "demoresponse.h"
#include "demorouter.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <atomic>

class QTcpSocket;

/// One client connection of the demo server. It answers requests one at a time and in order, each after
/// its delay, and deletes itself when the client goes away, which also cancels a pending response.
class DemoConnection : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxHeadBytes = 16 * 1024;

    DemoConnection(qintptr descriptor, const DemoRouter &router, std::atomic<int> &openConnections,
                   QObject *parent = nullptr);
    ~DemoConnection() override;

private:
    enum class State {
        Reading, // waiting for (the rest of) a request head
        Delaying, // a response waits for its delay
        Writing, // a response is being written
    };

    void readRequests();
    /// Takes one request off the buffer and starts its response; false if no full head is there yet.
    bool takeRequest();
    void respond(DemoResponse response, bool headOnly, bool close);
    void fail(int status, const QString &message);
    void sendResponse();
    void writeBody();
    void finishResponse();

    QTcpSocket *m_socket;
    DemoRouter m_router;
    std::atomic<int> &m_openConnections;
    QTimer m_delay;
    QByteArray m_buffer;
    qint64 m_bodyToSkip = 0;
    State m_state = State::Reading;
    bool m_inReadLoop = false;

    DemoResponse m_response;
    bool m_headOnly = false;
    bool m_close = false;
    qint64 m_bodyWritten = 0;
};
