#include "managerpool.h"

#include "bufferedsocketproxy.h"

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
    if (const auto open = m_open.constFind(key); open != m_open.cend() && !open->empty())
        return take(*open->back(), key)->manager;
    if (!m_idle.empty())
        return take(*m_idle.back(), key)->manager;
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
    // Direct or through the application's proxies, as before; where direct, with buffered sockets.
    manager->setProxyFactory(new BufferedSocketProxy(
        m_proxy == Proxy::None ? BufferedSocketProxy::Base::None : BufferedSocketProxy::Base::System));
    auto entry = std::make_unique<Entry>();
    entry->manager = manager;
    m_entries.push_back(std::move(entry));
    m_byManager.insert(manager, m_entries.back().get());
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
            file(*entry);
        }
    }
}

int ManagerPool::active(QNetworkAccessManager *manager, const QUrl &url) const
{
    const Entry *entry = entryFor(manager);
    return entry ? entry->activeFor(HostKey::fromUrl(url)) : 0;
}

ManagerPool::Entry *ManagerPool::take(Entry &entry, const HostKey &key)
{
    const auto it = entry.find(key);
    if (it != entry.activePerHost.end())
        ++it->second;
    else
        entry.activePerHost.emplace_back(key, 1);
    ++entry.active;
    file(entry);
    return &entry;
}

void ManagerPool::file(Entry &entry)
{
    const bool idle = entry.active == 0;
    const bool open = !idle && entry.activePerHost.size() == 1
        && entry.activePerHost.front().second < ConnectionsPerManager;
    // Still where it was: most acquires and releases leave a manager open to the same host.
    if ((idle && entry.list == Entry::List::Idle)
        || (open && entry.list == Entry::List::Open && entry.openFor == entry.activePerHost.front().first))
        return;
    unfile(entry);
    if (idle) {
        entry.list = Entry::List::Idle;
        entry.index = m_idle.size();
        m_idle.push_back(&entry);
    } else if (open) {
        entry.list = Entry::List::Open;
        entry.openFor = entry.activePerHost.front().first;
        std::vector<Entry *> &list = m_open[entry.openFor];
        entry.index = list.size();
        list.push_back(&entry);
    }
}

void ManagerPool::unfile(Entry &entry)
{
    // Swapped with the list's last, which takes its index.
    const auto remove = [&entry](std::vector<Entry *> &list) {
        Entry *last = list.back();
        list[entry.index] = last;
        last->index = entry.index;
        list.pop_back();
    };
    if (entry.list == Entry::List::Idle) {
        remove(m_idle);
    } else if (entry.list == Entry::List::Open) {
        const auto open = m_open.find(entry.openFor);
        remove(*open);
        if (open->empty())
            m_open.erase(open); // a crawl's hosts come and go
        entry.openFor = HostKey();
    }
    entry.list = Entry::List::None;
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

ManagerPool::Entry *ManagerPool::entryFor(QNetworkAccessManager *manager) const
{
    return m_byManager.value(manager, nullptr);
}
