#include "demorequest.h"

#include "http/requestparser.h"

#include <QUrl>

std::variant<DemoRequest, DemoRequestError> demoRequest(const RequestHead &head)
{
    if (head.versionMajor != 1 || head.versionMinor > 1)
        return DemoRequestError {505, QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are spoken here.")};
    DemoRequest request;
    request.method = head.method;
    request.target = head.target;
    request.host = head.header("Host");
    // An HTTP/1.0 response would need "Connection: keep-alive" to stay open; the demo server closes instead.
    request.close = !head.keepAlive || head.versionMinor == 0;
    // The absolute form (RFC 9112 3.2.2), as sent to proxies, names the same resource as the origin form.
    if (!request.target.startsWith('/')) {
        const QUrl url = QUrl::fromEncoded(request.target, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("http"))
            return DemoRequestError {400, QStringLiteral("The request target is malformed.")};
        request.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (!request.target.startsWith('/'))
            request.target.prepend('/');
    }
    return request;
}
