#include "managerpool.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrl>

#include <algorithm>

ManagerPool::ManagerPool(Proxy proxy, int maxManagers)
    : m_proxy(proxy)
    , m_maxManagers(maxManagers)
{ }

ManagerPool::~ManagerPool()
{
    // Deleting a manager stops its HTTP thread; the owner makes sure no reply of ours is on the stack.
    for (auto &entry : m_entries)
        delete entry->manager;
}

QNetworkAccessManager *ManagerPool::acquire(const HostKey &key)
{
    // This host's own managers first (nothing in flight for another host), then an idle one.
    for (auto &entry : m_entries) {
        if (entry->active == 0)
            continue;
        const int forKey = entry->activeFor(key);
        if (entry->active == forKey && forKey < ConnectionsPerManager)
            return take(*entry, key)->manager;
    }
    for (auto &entry : m_entries) {
        if (entry->active == 0)
            return take(*entry, key)->manager;
    }
    if (m_maxManagers > 0 && managerCount() >= m_maxManagers) {
        // Out of budget for a manager of its own: share the least busy one with a free connection.
        Entry *best = nullptr;
        for (auto &entry : m_entries) {
            if (entry->activeFor(key) < ConnectionsPerManager && (!best || entry->active < best->active))
                best = entry.get();
        }
        if (best)
            return take(*best, key)->manager;
    }
    auto *manager = new QNetworkAccessManager;
    // Redirects never go from https to http; the fetch counts them and refuses other schemes.
    manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_proxy == Proxy::None)
        manager->setProxy(QNetworkProxy::NoProxy);
    m_entries.push_back(std::make_unique<Entry>(Entry {manager, {}, 0}));
    return take(*m_entries.back(), key)->manager;
}

void ManagerPool::release(QNetworkAccessManager *manager, const HostKey &key)
{
    if (auto *entry = entryFor(manager)) {
        const auto it = entry->find(key);
        if (it != entry->activePerHost.end() && it->second > 0) {
            --it->second;
            --entry->active;
            if (it->second == 0)
                entry->activePerHost.erase(it);
        }
    }
}

int ManagerPool::active(QNetworkAccessManager *manager, const QUrl &url) const
{
    for (const auto &entry : m_entries) {
        if (entry->manager == manager)
            return entry->activeFor(HostKey::fromUrl(url));
    }
    return 0;
}

ManagerPool::Entry *ManagerPool::take(Entry &entry, const HostKey &key)
{
    const auto it = entry.find(key);
    if (it != entry.activePerHost.end())
        ++it->second;
    else
        entry.activePerHost.emplace_back(key, 1);
    ++entry.active;
    return &entry;
}

int ManagerPool::Entry::activeFor(const HostKey &key) const
{
    const auto it = find(key);
    return it == activePerHost.end() ? 0 : it->second;
}

std::vector<std::pair<HostKey, int>>::iterator ManagerPool::Entry::find(const HostKey &key)
{
    return std::find_if(activePerHost.begin(), activePerHost.end(),
                        [&key](const auto &host) { return host.first == key; });
}

std::vector<std::pair<HostKey, int>>::const_iterator ManagerPool::Entry::find(const HostKey &key) const
{
    return std::find_if(activePerHost.begin(), activePerHost.end(),
                        [&key](const auto &host) { return host.first == key; });
}

ManagerPool::Entry *ManagerPool::entryFor(QNetworkAccessManager *manager)
{
    for (auto &entry : m_entries) {
        if (entry->manager == manager)
            return entry.get();
    }
    return nullptr;
}
