#include "baserequest.h"

QNetworkRequest baseRequest(const QByteArray &userAgent)
{
    QNetworkRequest request;
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    request.setTransferTimeout(0); // the fetch keeps its own timeouts: see Fetch
    // Qt follows no redirect: the fetch does (Fetch::followRedirect), or, in a crawl, the crawler.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Asked for by us, so Qt hands the body over as it came and the fetch decompresses it itself (Inflater).
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    // The managers have no cache; this is for the caches on the way. Qt sends Cache-Control: no-cache and
    // Pragma: no-cache for it, so a proxy reloads from the origin and the timings are the origin's.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return request;
}
