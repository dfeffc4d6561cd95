#include "managerpool.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrl>

ManagerPool::ManagerPool(Proxy proxy)
    : m_proxy(proxy)
{ }

ManagerPool::~ManagerPool()
{
    // Deleting a manager stops its HTTP thread; the owner makes sure no reply of ours is on the stack.
    for (auto &entry : m_entries)
        delete entry->manager;
}

QNetworkAccessManager *ManagerPool::acquire(const QUrl &url)
{
    const HostKey key = HostKey::fromUrl(url);
    for (auto &entry : m_entries) {
        int &active = entry->activePerHost[key];
        if (active < ConnectionsPerManager) {
            ++active;
            return entry->manager;
        }
    }
    auto *manager = new QNetworkAccessManager;
    // Redirects never go from https to http; the fetch counts them and refuses other schemes.
    manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_proxy == Proxy::None)
        manager->setProxy(QNetworkProxy::NoProxy);
    m_entries.push_back(std::make_unique<Entry>(Entry {manager, {{key, 1}}}));
    return manager;
}

void ManagerPool::release(QNetworkAccessManager *manager, const QUrl &url)
{
    if (auto *entry = entryFor(manager)) {
        auto it = entry->activePerHost.find(HostKey::fromUrl(url));
        if (it != entry->activePerHost.end() && it.value() > 0)
            --it.value();
    }
}

int ManagerPool::active(QNetworkAccessManager *manager, const QUrl &url) const
{
    for (const auto &entry : m_entries) {
        if (entry->manager == manager)
            return entry->activePerHost.value(HostKey::fromUrl(url));
    }
    return 0;
}

ManagerPool::Entry *ManagerPool::entryFor(QNetworkAccessManager *manager)
{
    for (auto &entry : m_entries) {
        if (entry->manager == manager)
            return entry.get();
    }
    return nullptr;
}
