#pragma once

#include "capturefields.h"
#include "crawltypes.h"
#include "runsettings.h"
#include "sharedtext.h"
#include "storedurl.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>
#include <limits>

/// The moments in a request's life, in the order they happen.
enum class Mark {
    Queued, // handed to the run, before any gate
    GateAcquired, // got a permit of the run's gate (immediately in gather mode)
    Issued, // got its per-host slot and was handed to the network; nothing hidden queues after this
    ConnectStarted, // a new socket began connecting; not reached when a kept-alive connection was reused, nor
                    // when Qt 6.4 did not report it (it reports one of several connections opened at once)
    Encrypted, // https only: the TLS handshake ended (QNetworkReply::encrypted); not reached on a reused
               // connection, nor for plain http
    RequestSent, // the request left the socket
    FirstByte, // the final response's headers arrived
    Finished, // the body was complete, or the request failed or was cancelled
    DelayReleased, // the politeness delay ended and the permit went back (not reached without a delay)
};
inline constexpr int MarkCount = int(Mark::DelayReleased) + 1;

QString markName(Mark mark); // snake_case, as used in the exports
/// The moment as the window names it, translated: "First byte".
QString markLabel(Mark mark);

enum class Outcome : quint8 { // a byte: a million records keep one each
    Pending,
    Ok, // a final HTTP status below 400
    HttpError, // a final HTTP status of 400 or more
    Failed, // no usable response: network error, timeout, body too large, bad redirect
    Cancelled,
};

// Every outcome, in the order messages list them: the usual ones first.
inline constexpr std::array Outcomes {Outcome::Ok, Outcome::HttpError, Outcome::Failed, Outcome::Cancelled,
                                      Outcome::Pending};

QString outcomeName(Outcome outcome); // snake_case, as used in the exports
/// The outcome as the window names it, translated: "HTTP error". A pending request is "Not finished".
QString outcomeLabel(Outcome outcome);
Outcome outcomeFromName(const QString &name, bool *ok = nullptr);

/// One request as the recorder saw it. A small value, copied freely across signals.
/// Times are nanoseconds since the run's start on Clock::nowNs(); NotReached marks a phase that did
/// not happen.
struct RequestRecord
{
    static constexpr qint64 NotReached = -1;
    static constexpr int MaxStatus = 999;
    static constexpr int MaxCount = std::numeric_limits<qint16>::max(); // redirects, attempt

    static qint16 statusFrom(qint64 status) { return qint16(std::clamp<qint64>(status, 0, MaxStatus)); }
    static qint16 countFrom(qint64 count) { return qint16(std::clamp<qint64>(count, 0, MaxCount)); }

    // Ordered by size, largest first, so that no member leaves padding: a run keeps a million of them.
    StoredUrl url;
    StoredUrl finalUrl; // the recorder shares url's bytes when they are the same
    std::array<qint64, MarkCount> marks = filledMarks();
    qint64 bytes = 0; // body bytes received (after decompression)
    SharedText contentType; // the recorder hands equal texts one shared node (Recorder::compact)
    SharedText error; // empty when the request succeeded

    int id = -1;
    // Set by the crawler; a plain run leaves them as they are.
    int parentId = -1; // the request whose page linked here or redirected here; -1 for a seed
    int depth = 0; // links followed from a seed; a redirect keeps its source's depth

    // Two bytes each: HTTP statuses have three digits, and no run follows 32 767 redirects or retries. Set
    // from outside data through statusFrom() and countFrom(), which clamp rather than wrap.
    qint16 status = 0; // final HTTP status, 0 when none arrived
    qint16 redirects = 0;
    qint16 attempt = 1; // 2 and up for a retry after 429 or 503, as a request of its own (the crawler's)

    RunMode mode = RunMode::Limited;
    Outcome outcome = Outcome::Pending;
    RequestRole role = RequestRole::Page; // set by the crawler

    // Set by a capture (crawlscope capture); Crawlscope's own runs leave them as they are (CaptureFields).
    QString method() const { return m_capture.values().method; }
    int connection() const { return m_capture.values().connection; }
    bool reusedConnection() const { return m_capture.values().reusedConnection; }
    qint64 bytesSent() const { return m_capture.values().bytesSent; }
    qint64 proxyNs() const { return m_capture.values().proxyNs; }
    QString requestHeaders() const { return m_capture.values().requestHeaders; }
    void setMethod(const QString &method) { m_capture.set(&CaptureFields::Values::method, method); }
    void setConnection(int connection) { m_capture.set(&CaptureFields::Values::connection, connection); }
    void setReusedConnection(bool reused) { m_capture.set(&CaptureFields::Values::reusedConnection, reused); }
    void setBytesSent(qint64 bytes) { m_capture.set(&CaptureFields::Values::bytesSent, bytes); }
    void setProxyNs(qint64 ns) { m_capture.set(&CaptureFields::Values::proxyNs, ns); }
    bool hasCaptureFields() const { return m_capture.isAllocated(); }
    void setRequestHeaders(const QString &headers)
    {
        m_capture.set(&CaptureFields::Values::requestHeaders, headers);
    }

    qint64 at(Mark mark) const { return marks[std::size_t(mark)]; }
    bool reached(Mark mark) const { return at(mark) != NotReached; }
    void set(Mark mark, qint64 ns) { marks[std::size_t(mark)] = ns; }

    /// When the request stopped holding its permit: after the delay if there was one.
    qint64 releasedAt() const
    {
        return reached(Mark::DelayReleased) ? at(Mark::DelayReleased) : at(Mark::Finished);
    }
    bool isDone() const { return outcome != Outcome::Pending; }

    friend bool operator==(const RequestRecord &, const RequestRecord &) = default;

private:
    CaptureFields m_capture;

    static constexpr std::array<qint64, MarkCount> filledMarks()
    {
        std::array<qint64, MarkCount> marks {};
        marks.fill(NotReached);
        return marks;
    }
};

Q_DECLARE_METATYPE(RequestRecord)
