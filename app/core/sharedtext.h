#pragma once

#include <QAtomicInt>
#include <QString>

#include <utility>

class QDebug;

/// A record's text (a content type, an error reason) as one pointer: a QString is 24 bytes, and a run keeps a
/// million records with two each. The text sits in an immutable, refcounted node that copies share, so the
/// recorder can hand every record with the same text the same node; the count is atomic because records
/// cross threads in queued signals. Empty text holds no node. Reads see a QString: the conversion, or
/// toString().
class SharedText
{
public:
    SharedText() noexcept = default;
    SharedText(const QString &text); // NOLINT(google-explicit-constructor): records are filled from QStrings
    SharedText(const SharedText &other) noexcept
        : m_node(other.m_node)
    {
        retain();
    }
    SharedText(SharedText &&other) noexcept
        : m_node(std::exchange(other.m_node, nullptr))
    { }
    SharedText &operator=(const SharedText &other) noexcept
    {
        SharedText copy(other);
        swap(copy);
        return *this;
    }
    SharedText &operator=(SharedText &&other) noexcept
    {
        swap(other);
        return *this;
    }
    SharedText &operator=(const QString &text) { return *this = SharedText(text); }
    ~SharedText() { release(); }

    const QString &toString() const noexcept { return m_node ? m_node->text : empty(); }
    operator const QString &() const noexcept { return toString(); } // NOLINT(google-explicit-constructor)

    bool isEmpty() const noexcept { return m_node == nullptr; }
    /// Whether both refer to the same node: then they are equal without comparing a character.
    bool sharesWith(const SharedText &other) const noexcept { return m_node == other.m_node; }
    void clear() noexcept { SharedText().swap(*this); }
    void swap(SharedText &other) noexcept { std::swap(m_node, other.m_node); }

    friend bool operator==(const SharedText &a, const SharedText &b) noexcept
    {
        return a.m_node == b.m_node || (a.m_node && b.m_node && a.m_node->text == b.m_node->text);
    }
    friend bool operator==(const SharedText &a, const QString &b) noexcept { return a.toString() == b; }
    friend bool operator!=(const SharedText &a, const SharedText &b) noexcept { return !(a == b); }
    friend bool operator!=(const SharedText &a, const QString &b) noexcept { return !(a == b); }

private:
    struct Node
    {
        QAtomicInt ref = 1;
        const QString text;
    };

    static const QString &empty() noexcept;
    void retain() const noexcept
    {
        if (m_node)
            m_node->ref.ref();
    }
    void release() noexcept
    {
        if (m_node && !m_node->ref.deref())
            delete m_node;
    }

    Node *m_node = nullptr;
};

size_t qHash(const SharedText &text, size_t seed = 0) noexcept;
QDebug operator<<(QDebug debug, const SharedText &text);
