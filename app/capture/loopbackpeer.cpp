#include "loopbackpeer.h"

#include <QHostAddress>

bool isLoopbackPeer(const QHostAddress &address)
{
    // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; judge the IPv4 address it carries.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return (v4 >> 24) == 127;
    return address == QHostAddress(QHostAddress::LocalHostIPv6);
}
