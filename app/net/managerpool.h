#pragma once

#include "core/hostkey.h"

#include <QHash>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

class QNetworkAccessManager;

/// Hands out QNetworkAccessManagers so that no manager ever has more requests to one host than it has
/// connections for. One manager runs at most 6 HTTP/1.1 connections per host and silently queues the rest;
/// that hidden queue would show up as time in flight. With the pool, every issued request is really on the
/// wire, and all waiting happens in our own gates where it is recorded as waiting.
///
/// A manager serves one host at a time: it parses every response on one HTTP thread, so a host that sends a
/// multi-MB header would otherwise hold up every other host's responses on that thread. A manager with
/// nothing in flight is handed to the next host that needs one. Only beyond maxManagers (the descriptor
/// budget) do hosts share managers again.
class ManagerPool
{
public:
    static constexpr int ConnectionsPerManager = 6;

    /// System: the managers follow Qt's proxy settings (the system's, unless the application sets others).
    /// None: they always connect directly, for the capture proxy, whose own environment may point at itself.
    /// Either way a direct plain-http connection reads through a buffer (BufferedSocketProxy).
    enum class Proxy { System, None };

    /// maxManagers 0: as many as the hosts need.
    explicit ManagerPool(Proxy proxy = Proxy::System, int maxManagers = 0);
    ~ManagerPool();
    ManagerPool(const ManagerPool &) = delete;
    ManagerPool &operator=(const ManagerPool &) = delete;

    QNetworkAccessManager *acquire(const HostKey &host);
    QNetworkAccessManager *acquire(const QUrl &url) { return acquire(HostKey::fromUrl(url)); }
    void release(QNetworkAccessManager *manager, const HostKey &host);
    void release(QNetworkAccessManager *manager, const QUrl &url) { release(manager, HostKey::fromUrl(url)); }

    int managerCount() const { return int(m_entries.size()); }
    int active(QNetworkAccessManager *manager, const QUrl &url) const;

private:
    struct Entry
    {
        QNetworkAccessManager *manager = nullptr;
        // A few at most (one, unless hosts share it beyond the budget), so a scan beats hashing a HostKey.
        std::vector<std::pair<HostKey, int>> activePerHost;
        int active = 0; // over all hosts
        // Which of the pool's lists holds it, and where: every acquire and release is O(1), however many
        // managers a gather of thousands needs.
        enum class List { None, Idle, Open } list = List::None;
        std::size_t index = 0;
        HostKey openFor; // while in m_open

        int activeFor(const HostKey &key) const;
        /// The key's count in activePerHost, or its end.
        std::vector<std::pair<HostKey, int>>::iterator find(const HostKey &key);
        std::vector<std::pair<HostKey, int>>::const_iterator find(const HostKey &key) const;
    };
    Entry *entryFor(QNetworkAccessManager *manager) const;
    Entry *take(Entry &entry, const HostKey &key);
    /// Moves the entry to the list its counts put it in: idle, open to its one host, or neither.
    void file(Entry &entry);
    void unfile(Entry &entry);

    Proxy m_proxy;
    int m_maxManagers = 0;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QHash<QNetworkAccessManager *, Entry *> m_byManager;
    std::vector<Entry *> m_idle; // nothing in flight
    QHash<HostKey, std::vector<Entry *>> m_open; // in flight for this host only, with a free connection
};
