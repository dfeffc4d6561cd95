// ManagerPool's lanes: how many a host can have and what each is called. On its own, and depending on Qt
// alone, so that the bare-QNAM floor (bench/net) compiles it too and sends its lanes exactly as the engine.
#include "managerpool.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>

namespace {

/// Where an https host's name may change letter case: its first three ASCII letters, so 2^3 names at most.
/// The name as it is (all lower case, as QUrl keeps a host) is lane 1's. An IPv6 address has none: it is
/// checked as an address, whatever its letters, so its one name is the address as it is.
constexpr int MaxCaseLetters = 3;

struct CaseLetters
{
    std::array<qsizetype, MaxCaseLetters> at {};
    int count = 0;
};

CaseLetters caseLetters(QStringView host)
{
    CaseLetters letters;
    if (host.contains(u':'))
        return letters;
    for (qsizetype i = 0; i < host.size() && letters.count < MaxCaseLetters; ++i) {
        if (host[i] >= u'a' && host[i] <= u'z')
            letters.at[std::size_t(letters.count++)] = i;
    }
    return letters;
}

} // namespace

int ManagerPool::lanesFor(QStringView scheme, QStringView host, int lanes)
{
    lanes = std::clamp(lanes, 1, int(MaxLanes));
    if (scheme == QLatin1String("http"))
        return lanes;
    if (scheme != QLatin1String("https") || host.contains(u'%'))
        return 1; // a zone ("fe80::1%25eth0") is no name a certificate holds
    const int names = std::min(1 << caseLetters(host).count, MaxLanes - 1);
    return std::min(lanes, 1 + names);
}

void ManagerPool::applyLane(QNetworkRequest &request, int lane)
{
    if (lane <= 0 || lane >= MaxLanes)
        return;
    const QUrl url = request.url();
    if (url.scheme() == QLatin1String("https")) {
        // The certificate is checked against this name and the TLS hello carries it, both lower-cased
        // (QUrl::toAce): the host's own name, in the lane's letter case.
        QString name = url.host(QUrl::FullyEncoded);
        const int pattern = lane - 1;
        const CaseLetters letters = caseLetters(name);
        Q_ASSERT(pattern
                 < (1 << letters.count)); // a lane the host has no name for would share another's group
        for (int j = 0; j < letters.count; ++j) {
            if (pattern & (1 << j))
                name[letters.at[std::size_t(j)]] = name.at(letters.at[std::size_t(j)]).toUpper();
        }
        request.setPeerVerifyName(name);
        return;
    }
    // Plain http verifies no name: any will do, so the names are built once. A string per request would be
    // a twentieth of what the pool saves.
    static const std::array<QString, MaxLanes> names = [] {
        std::array<QString, MaxLanes> all;
        for (int i = 1; i < MaxLanes; ++i)
            all[std::size_t(i)] = QStringLiteral("crawlscope-lane-%1").arg(i);
        return all;
    }();
    request.setPeerVerifyName(names[std::size_t(lane)]);
}
