#pragma once

#include "headerlist.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct http_parser;

/// A client's request head as the proxy received it.
struct RequestHead
{
    QByteArray method;
    QByteArray target; // the request-target as sent: absolute-form, authority-form or origin-form
    int versionMajor = 1;
    int versionMinor = 1;
    HeaderList headers;
    bool keepAlive = true; // the client lets the connection carry another request after this one
    bool hasBody = false; // Content-Length above 0, or chunked
    bool upgrade = false; // an Upgrade header (or CONNECT): what follows the head may not be HTTP
    qint64 contentLength = -1; // as the parser read it; -1 when there is none (chunked, or no body)
    qsizetype headBytes = 0;

    QByteArray header(QByteArrayView name) const;
};

/// Reads requests from a client's byte stream with libhttp-parser, one at a time: it stops after each
/// complete head, so the bytes after it (a body, a pipelined request, or a tunnel's first bytes after
/// CONNECT) stay with the caller. A body is then read with feedBody(), which de-chunks it and stops at its
/// end. It enforces the head size cap itself, as http_parser's own is compiled in. Used by the capture proxy
/// and by the demo server.
class RequestParser
{
public:
    enum class Result {
        NeedMore, // the head is not complete yet; every byte was taken
        Complete, // head() holds a request; consumed() bytes of the input belong to it
        Error, // error() says why; the connection cannot go on
    };

    enum class Upgrades {
        Refuse, // an Upgrade request is an error (a proxy must not pass on a protocol it cannot record)
        Ignore, // it is an ordinary request, as a server that speaks only HTTP/1.1 may treat it (RFC
                // 9110 7.8)
    };

    explicit RequestParser(qsizetype maxHeadBytes, Upgrades upgrades = Upgrades::Refuse);
    ~RequestParser();
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    /// Parses from the start of data. After Complete, call reset() before the next request, or, when the
    /// head has a body, feedBody() until it too is Complete.
    Result feed(QByteArrayView data);
    /// Reads the body's bytes from the start of data and appends them, de-chunked, to decoded. Complete:
    /// the body ended after consumed() bytes of data; the rest is the next request's.
    Result feedBody(QByteArrayView data, QByteArray &decoded);
    qsizetype consumed() const { return m_consumed; }
    const RequestHead &head() const { return m_head; }
    /// Why the request was refused, and whether that is 501 (a method we do not forward) rather than 400.
    const QString &error() const { return m_error; }
    bool errorIsUnsupportedMethod() const { return m_unsupportedMethod; }
    /// The head did not end within maxHeadBytes (a server answers 431).
    bool errorIsHeadTooLong() const { return m_tooLong; }
    void reset();

private:
    struct Callbacks;
    friend struct Callbacks;

    std::unique_ptr<http_parser> m_parser;
    qsizetype m_maxHeadBytes;
    Upgrades m_upgrades;
    RequestHead m_head;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_headComplete = false;
    bool m_messageComplete = false;
    bool m_inBody = false; // the head's final LF has been handed back to the parser
    QByteArray *m_decoded = nullptr; // where on_body appends, during feedBody()
    bool m_tooLong = false; // the head did not end within m_maxHeadBytes
    bool m_lengthOverflow = false;
    bool m_unframedBody = false; // Transfer-Encoding without chunked last
    qsizetype m_consumed = 0;
    qsizetype m_seen = 0; // bytes fed for this head so far
    QString m_error;
    bool m_unsupportedMethod = false;
};
