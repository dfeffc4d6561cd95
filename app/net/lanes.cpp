// ManagerPool::applyLane, in a file of its own: it depends on Qt alone, so the bare-QNAM floor (bench/net)
// compiles it too and names its lanes exactly as the engine does.
#include "managerpool.h"

#include <QNetworkRequest>
#include <QString>

#include <array>

void ManagerPool::applyLane(QNetworkRequest &request, int lane)
{
    if (lane <= 0 || lane >= MaxLanes)
        return;
    // Built once: a string per request would be a twentieth of what the pool saves.
    static const std::array<QString, MaxLanes> names = [] {
        std::array<QString, MaxLanes> all;
        for (int i = 1; i < MaxLanes; ++i)
            all[std::size_t(i)] = QStringLiteral("crawlscope-lane-%1").arg(i);
        return all;
    }();
    request.setPeerVerifyName(names[std::size_t(lane)]);
}
