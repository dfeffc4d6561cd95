#pragma once

#include <QByteArray>
#include <QNetworkRequest>

/// The GET the fetch sends for every request, before its URL and lane (ManagerPool::applyLane) are set: the
/// user agent, the fields and the attributes. On its own, and depending on Qt alone, so that the bare-QNAM
/// floor (bench/net) sends exactly what the engine sends, and pays Qt's cost for it in get() as the engine
/// does.
QNetworkRequest baseRequest(const QByteArray &userAgent);
