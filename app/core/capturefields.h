#pragma once

#include <QSharedData>
#include <QSharedDataPointer>
#include <QString>

/// What only a capture (crawlscope capture) records of a request. Crawlscope's own runs leave every field at
/// its default, so a record keeps one null pointer for all of them rather than about 70 bytes a request; the
/// first set of a value other than the default allocates, and copies of the record share it.
class CaptureFields
{
public:
    struct Values
    {
        QString method = QStringLiteral("GET");
        int connection = -1; // the client's connection to the proxy, numbered from 0; reuse shows as a repeat
        bool reusedConnection = false; // an earlier request came on the same client connection
        qint64 bytesSent = 0; // request body bytes from the client (a tunnel: every byte from the client)
        qint64 proxyNs = -1; // time the proxy itself spent on the request: the observer's cost; -1 if none
        QString requestHeaders; // "Name: value" lines as the client sent them, secrets redacted unless kept

        friend bool operator==(const Values &, const Values &) = default;
    };

    const Values &values() const { return m_shared ? m_shared->values : defaults(); }
    /// Whether a value was ever set on this record (or a copy it came from): what it costs beyond a pointer.
    bool isAllocated() const { return bool(m_shared); }

    /// Sets one field; a default value on a record without captured fields allocates nothing.
    template<typename T>
    void set(T Values::*field, const T &value)
    {
        if (!m_shared) {
            if (defaults().*field == value)
                return;
            m_shared = new Shared;
        }
        m_shared->values.*field = value;
    }

    friend bool operator==(const CaptureFields &a, const CaptureFields &b)
    {
        return a.m_shared == b.m_shared || a.values() == b.values();
    }

private:
    struct Shared : QSharedData
    {
        Values values;
    };

    static const Values &defaults()
    {
        static const Values none;
        return none;
    }

    QSharedDataPointer<Shared> m_shared;
};
