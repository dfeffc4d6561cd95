#include "sharedtext.h"

#include <QDebug>
#include <QHashFunctions>

SharedText::SharedText(const QString &text)
    : m_node(text.isEmpty() ? nullptr : new Node {1, text})
{ }

const QString &SharedText::empty() noexcept
{
    static const QString none;
    return none;
}

size_t qHash(const SharedText &text, size_t seed) noexcept
{
    return qHash(text.toString(), seed);
}

QDebug operator<<(QDebug debug, const SharedText &text)
{
    return debug << text.toString();
}
