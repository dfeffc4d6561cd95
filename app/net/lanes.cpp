// ManagerPool's lanes: how many a host can have and what each is called. On its own, and depending on Qt
// alone, so that the bare-QNAM floor (bench/net) compiles it too and sends its lanes exactly as the engine.
#include "managerpool.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>

namespace {

/// The letters of an https host's name that a lane may write in upper case: its first three ASCII letters,
/// so 2^3 names at most. The name as it is (all lower case, as QUrl keeps a host) is lane 1's.
constexpr int CaseLetters = 3;

int caseLetters(QStringView host)
{
    int letters = 0;
    for (const QChar c : host) {
        if (c >= u'a' && c <= u'z' && ++letters == CaseLetters)
            break;
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
    // An IPv6 address is checked as an address, whatever its letters: it has one name, the address as it is.
    const int names = host.contains(u':') ? 1 : std::min(1 << caseLetters(host), MaxLanes - 1);
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
        int letter = 0;
        const qsizetype end = name.contains(u':') ? 0 : name.size(); // an IPv6 address has the one name
        for (qsizetype i = 0; i < end && letter < CaseLetters; ++i) {
            const QChar c = name.at(i);
            if (c < u'a' || c > u'z')
                continue;
            if (pattern & (1 << letter))
                name[i] = c.toUpper();
            ++letter;
        }
        Q_ASSERT(pattern < (1 << letter)); // a lane the host has no name for would share another's group
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
