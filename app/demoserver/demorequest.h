#pragma once

#include <QByteArray>
#include <QString>

#include <variant>

struct RequestHead;

/// One request of the demo server, as far as the server cares: what to route, and how the connection goes
/// on after the response.
struct DemoRequest
{
    QByteArray method;
    QByteArray target; // origin form: path and query
    QByteArray host; // as sent; empty when the client sent none
    bool close = false; // HTTP/1.0 (even with keep-alive), or Connection: close
};

/// A request the server cannot answer: the status and the message of the error page. After one of these
/// the framing of what follows is unknown, so the connection closes after the error.
struct DemoRequestError
{
    int status = 400;
    QString message;
};

/// The largest request head the demo server reads; a larger one is answered with 431.
inline constexpr qsizetype DemoMaxHeadBytes = 16 * 1024;

/// What the demo server makes of a head libhttp-parser read (RequestParser): the request in origin form, or
/// why it cannot be answered (an HTTP version other than 1.0 and 1.1, a target that is not an http URL).
std::variant<DemoRequest, DemoRequestError> demoRequest(const RequestHead &head);
