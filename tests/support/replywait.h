#pragma once

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>

// Shared by the tests that fetch over QNAM: waiting on a reply without sleeping, and reading its status.
namespace ReplyWait {

inline constexpr int WaitMs = 10000;

inline bool finished(QNetworkReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &QNetworkReply::finished);
    return spy.wait(WaitMs);
}

inline int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace ReplyWait
