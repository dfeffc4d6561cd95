#pragma once

#include "core/hostkey.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

class QNetworkAccessManager;
class QUrl;

/// Hands out QNetworkAccessManagers so that no manager ever has more requests to one host than it has
/// connections for. One manager runs at most 6 HTTP/1.1 connections per host and silently queues the rest;
/// that hidden queue would show up as time in flight. With the pool, every issued request is really on the
/// wire, and all waiting happens in our own gates where it is recorded as waiting.
class ManagerPool
{
public:
    static constexpr int ConnectionsPerManager = 6;

    /// System: the managers follow Qt's proxy settings (none unless the application sets one). None: they
    /// always connect directly, for the capture proxy, whose own environment may point at itself.
    enum class Proxy { System, None };

    explicit ManagerPool(Proxy proxy = Proxy::System);
    ~ManagerPool();
    ManagerPool(const ManagerPool &) = delete;
    ManagerPool &operator=(const ManagerPool &) = delete;

    QNetworkAccessManager *acquire(const QUrl &url);
    void release(QNetworkAccessManager *manager, const QUrl &url);

    int managerCount() const { return int(m_entries.size()); }
    int active(QNetworkAccessManager *manager, const QUrl &url) const;

private:
    struct Entry
    {
        QNetworkAccessManager *manager;
        QHash<HostKey, int> activePerHost;
    };
    Entry *entryFor(QNetworkAccessManager *manager);

    std::vector<std::unique_ptr<Entry>> m_entries;
    Proxy m_proxy;
};
