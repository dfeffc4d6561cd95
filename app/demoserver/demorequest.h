#pragma once

#include <QByteArray>
#include <QString>

#include <variant>

/// One request head of the demo server, as far as the server cares: what to route, and how the
/// connection goes on after the response.
struct DemoRequest
{
    QByteArray method;
    QByteArray target; // origin form: path and query
    QByteArray host; // as sent; empty when the client sent none, or none the demo site accepts
    bool close = false; // HTTP/1.0, or Connection: close
    qint64 contentLength = 0; // a body the server skips
};

/// A request head the server cannot answer: the status and the message of the error page. After one of
/// these the framing of what follows is unknown, so the connection closes after the error.
struct DemoRequestError
{
    int status = 400;
    QString message;
};

/// Nothing yet: the buffer does not hold a whole head (and is not too large to ever hold one).
struct DemoRequestIncomplete
{
};

using DemoHead = std::variant<DemoRequestIncomplete, DemoRequest, DemoRequestError>;

/// Takes the first request head off buffer. Empty lines before it are dropped (RFC 9112 2.2); a whole
/// head, or an error, is removed from the buffer; an incomplete one is left in it.
DemoHead takeDemoRequestHead(QByteArray &buffer);

/// The largest request head the demo server reads; a larger one is answered with 431.
inline constexpr qsizetype DemoMaxHeadBytes = 16 * 1024;
