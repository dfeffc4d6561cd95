// crawlscope-qnam-floor URL TOTAL LIMIT [PER_MANAGER]
//
// The floor under Crawlscope's limited-mode workloads (W1, W3 in bench/README.md): the same GETs through
// bare QNetworkAccessManager, with nothing of Crawlscope in between (no gate, no recorder, no per-request
// timeout). It keeps LIMIT requests in flight and, like the engine's ManagerPool, spreads them over
// managers so that no manager has more than PER_MANAGER (default 6) requests to the host: a manager opens
// at most 6 connections per host and would queue the rest where no one sees them. Bodies are read as they
// arrive and discarded. Crawlscope's wall time divided by this one, measured in the same run, is what
// Crawlscope adds on top of Qt's network stack and the server.
//
// Prints "wall_ms=<first request to last reply> ok=<HTTP 200 answers>"; exits 1 unless all TOTAL were 200.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto positive = [&](qsizetype i, int fallback) {
        if (i >= arguments.size())
            return fallback;
        bool ok = false;
        const int value = arguments.at(i).toInt(&ok);
        return ok && value > 0 ? value : 0;
    };
    const QUrl url(arguments.value(1), QUrl::StrictMode);
    const int total = positive(2, 0);
    const int limit = positive(3, 0);
    const int perManager = positive(4, 6);
    if (arguments.size() < 4 || arguments.size() > 5 || !url.isValid() || url.isRelative() || total == 0
        || limit == 0 || perManager == 0) {
        QTextStream(stderr) << QStringLiteral(
            "usage: crawlscope-qnam-floor URL TOTAL LIMIT [PER_MANAGER=6]\n");
        return 2;
    }

    struct Manager
    {
        std::unique_ptr<QNetworkAccessManager> qnam;
        int active = 0;
    };
    std::vector<Manager> managers;
    int started = 0;
    int finished = 0;
    int ok = 0;
    qint64 wallNs = 0;
    QElapsedTimer timer;

    std::function<void()> startOne = [&] {
        // The first manager with room, as ManagerPool::acquire picks it; a new one only when all are full.
        auto it = std::find_if(managers.begin(), managers.end(),
                               [&](const Manager &m) { return m.active < perManager; });
        if (it == managers.end())
            it = managers.insert(it, Manager {std::make_unique<QNetworkAccessManager>()});
        const std::size_t index = std::size_t(it - managers.begin());
        ++managers[index].active;
        ++started;

        QNetworkReply *reply = managers[index].qnam->get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->readAll(); });
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, index] {
            reply->readAll();
            if (reply->error() == QNetworkReply::NoError
                && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++ok;
            reply->deleteLater();
            --managers[index].active;
            ++finished;
            if (started < total) {
                startOne();
            } else if (finished == total) {
                wallNs = timer.nsecsElapsed();
                QCoreApplication::quit();
            }
        });
    };

    timer.start();
    for (int i = 0; i < std::min(limit, total); ++i)
        startOne();
    QCoreApplication::exec();

    std::printf("wall_ms=%.1f ok=%d\n", double(wallNs) / 1e6, ok);
    return ok == total ? 0 : 1;
}
