#pragma once

#include "core/hostkey.h"

#include <QHash>
#include <QString>

#include <array>
#include <memory>
#include <utility>
#include <vector>

class QNetworkAccessManager;
class QNetworkRequest;

/// Hands out QNetworkAccessManagers so that no manager ever has more requests to one host than it has
/// connections for. One manager runs at most 6 HTTP/1.1 connections per host and connection key (below),
/// and silently queues the rest;
/// that hidden queue would show up as time in flight. With the pool, every issued request is really on the
/// wire, and all waiting happens in our own gates where it is recorded as waiting.
///
/// A manager serves one host at a time: it parses every response on one HTTP thread, so a host that sends a
/// multi-MB header would otherwise hold up every other host's responses on that thread. A manager with
/// nothing in flight is handed to the next host that needs one. Only beyond maxManagers (the descriptor
/// budget) do hosts share managers again.
///
/// Lanes: a manager keeps one group of connections per connection key, and Qt 6.4's key is the scheme,
/// host, port, proxy and the request's peerVerifyName. A plain-http request never verifies a peer, so a
/// distinct peerVerifyName per lane (applyLane) gives one manager several groups of 6 connections to one
/// host, all on its one HTTP thread. A gather of 1 000 then needs 42 threads rather than 167, and on two
/// cores that was the larger part of its cost (bench/RESULTS.md, sixteenth session). An https request's
/// peerVerifyName is the name its certificate is checked against and its TLS hello carries, and Qt compares
/// and sends that name lower-cased (in its ACE form): so an https host's lanes are named by the host's own
/// name in other letter cases, one server name to the server and to the check and distinct keys to Qt. A
/// host with fewer letters has fewer such names (an IPv4 address has one: two lanes). Whoever sends a lane's
/// request must not let Qt carry the lane's name on to a redirect to another https host, where it would be
/// the wrong name (Fetch follows every redirect itself).
class ManagerPool
{
public:
    /// Qt's HTTP/1.1 connections per host and connection key.
    static constexpr int ConnectionsPerLane = 6;
    static constexpr int MaxLanes = 8;
    /// What the runner's pools use. Measured with the bare-QNAM floor (bench/RESULTS.md,
    /// sixteenth session): a gather of 1 000 took about 250 ms with 4 to 16 groups of 6 per manager and
    /// 325 ms with 1; a limit of 50 was best with 2 to 5.
    static constexpr int RunLanes = 4;

    /// A request's place in the pool: its manager, and the lane to send it in (applyLane).
    struct Lease
    {
        QNetworkAccessManager *manager = nullptr;
        int lane = 0; // 0: the manager's own connections to the host, with no peerVerifyName
        /// How many lanes the host has in this pool (lanesFor).
        int lanes = 1;
    };

    /// System: the managers follow Qt's proxy settings (the system's, unless the application sets others).
    /// None: they always connect directly, for the capture proxy, whose own environment may point at itself.
    /// Either way a direct plain-http connection reads through a buffer (BufferedSocketProxy).
    enum class Proxy { System, None };

    /// maxManagers 0: as many as the hosts need. lanes (1..MaxLanes): how many groups of connections a
    /// manager opens to one host (as many as lanesFor allows); 1 sends every request as it comes.
    explicit ManagerPool(Proxy proxy = Proxy::System, int maxManagers = 0, int lanes = 1);
    ~ManagerPool();
    ManagerPool(const ManagerPool &) = delete;
    ManagerPool &operator=(const ManagerPool &) = delete;

    Lease acquire(const HostKey &host);
    Lease acquire(const QUrl &url) { return acquire(HostKey::fromUrl(url)); }
    void release(const Lease &lease, const HostKey &host);
    void release(const Lease &lease, const QUrl &url) { release(lease, HostKey::fromUrl(url)); }

    /// Puts the request in the lane: a peerVerifyName of the lane's own for lanes above 0, nothing for 0. For
    /// https the lane must be one the host has (lanesFor).
    static void applyLane(QNetworkRequest &request, int lane);
    /// How many lanes a host can have, at most `lanes`: all of them for plain http; for https as many as the
    /// host's name has letter cases (up to 8 with three letters), 2 for an IP address and 1 for an IPv6
    /// address with a zone; 1 for anything else. host: in its ACE form, as HostKey and
    /// QUrl::host(QUrl::FullyEncoded) give it.
    static int lanesFor(QStringView scheme, QStringView host, int lanes);
    /// How many lanes this pool gives the host.
    int lanesFor(const HostKey &host) const { return lanesFor(host.scheme(), host.host(), m_lanes); }

    int managerCount() const { return int(m_entries.size()); }
    int active(QNetworkAccessManager *manager, const QUrl &url) const;
    int activeInLane(const Lease &lease, const QUrl &url) const;

private:
    /// One host's requests in flight on a manager, in all and per lane.
    struct HostUse
    {
        HostKey host;
        int active = 0;
        std::array<int, MaxLanes> lanes {};
    };
    struct Entry
    {
        QNetworkAccessManager *manager = nullptr;
        // A few at most (one, unless hosts share it beyond the budget), so a scan beats hashing a HostKey.
        std::vector<HostUse> activePerHost;
        int active = 0; // over all hosts
        // Which of the pool's lists holds it, and where: every acquire and release is O(1), however many
        // managers a gather of thousands needs.
        enum class List { None, Idle, Open } list = List::None;
        std::size_t index = 0;
        HostKey openFor; // while in m_open

        int activeFor(const HostKey &key) const;
        /// The key's use in activePerHost, or its end.
        std::vector<HostUse>::iterator find(const HostKey &key);
        std::vector<HostUse>::const_iterator find(const HostKey &key) const;
    };
    Entry *entryFor(QNetworkAccessManager *manager) const;
    /// The connections a manager has for the host: ConnectionsPerLane in each of its lanes.
    int capacityFor(const HostKey &key) const { return ConnectionsPerLane * lanesFor(key); }
    Lease take(Entry &entry, const HostKey &key);
    /// Moves the entry to the list its counts put it in: idle, open to its one host, or neither.
    void file(Entry &entry);
    void unfile(Entry &entry);

    Proxy m_proxy;
    int m_maxManagers = 0;
    int m_lanes = 1;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QHash<QNetworkAccessManager *, Entry *> m_byManager;
    std::vector<Entry *> m_idle; // nothing in flight
    QHash<HostKey, std::vector<Entry *>> m_open; // in flight for this host only, with a free connection
};
