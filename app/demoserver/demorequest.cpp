#include "demorequest.h"

#include <QList>
#include <QUrl>

namespace {

// Bare LF line ends are tolerated (RFC 9112 2.2), so the head ends at the first empty line of either kind.
qsizetype headLength(const QByteArray &buffer)
{
    for (qsizetype i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n', i + 1)) {
        const QByteArrayView rest = QByteArrayView(buffer).sliced(i + 1);
        if (rest.startsWith('\n'))
            return i + 2;
        if (rest.startsWith("\r\n"))
            return i + 3;
    }
    return -1;
}

DemoRequestError error(int status, const QString &message)
{
    return DemoRequestError {status, message};
}

} // namespace

DemoHead takeDemoRequestHead(QByteArray &buffer)
{
    // RFC 9112 2.2: empty lines before a request line are ignored.
    while (buffer.startsWith('\n') || buffer.startsWith("\r\n"))
        buffer.remove(0, buffer.indexOf('\n') + 1);

    const qsizetype length = headLength(buffer);
    if (length < 0 && buffer.size() <= DemoMaxHeadBytes)
        return DemoRequestIncomplete {};
    if (length < 0 || length > DemoMaxHeadBytes) {
        buffer.clear();
        return error(431, QStringLiteral("The request head is larger than %1 bytes.").arg(DemoMaxHeadBytes));
    }
    QList<QByteArray> lines = buffer.left(length).split('\n');
    buffer.remove(0, length);
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    const QList<QByteArray> requestLine = lines.constFirst().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty())
        return error(400, QStringLiteral("The request line is malformed."));
    DemoRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const QByteArray &version = requestLine.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return error(version.startsWith("HTTP/") ? 505 : 400,
                     QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are spoken here."));
    // The absolute form (RFC 9112 3.2.2), as sent to proxies, names the same resource as the origin form.
    if (!request.target.startsWith('/')) {
        const QUrl url = QUrl::fromEncoded(request.target, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("http"))
            return error(400, QStringLiteral("The request target is malformed."));
        request.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (!request.target.startsWith('/'))
            request.target.prepend('/');
    }

    request.close = version == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return error(400, QStringLiteral("A header line is malformed."));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "connection") {
            for (const QByteArray &option : value.split(','))
                request.close = request.close || option.trimmed().toLower() == "close";
        } else if (name == "content-length") {
            bool ok = false;
            request.contentLength = value.toLongLong(&ok);
            if (!ok || request.contentLength < 0)
                return error(400, QStringLiteral("The Content-Length header is malformed."));
        } else if (name == "host") {
            request.host = value;
        } else if (name == "transfer-encoding") {
            // Without a length the end of an ignored body cannot be found, so the connection cannot go on.
            return error(400, QStringLiteral("Request bodies with a Transfer-Encoding are not supported."));
        }
    }
    return request;
}
