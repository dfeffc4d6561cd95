#include "exportstream.h"

#include <QIODevice>

#include <algorithm>

ExportStream::ExportStream(QIODevice &out)
    : m_out(out)
{
    m_buffer.reserve(BufferBytes);
}

bool ExportStream::write(QByteArrayView bytes)
{
    if (!m_ok)
        return false;
    m_buffer.append(bytes);
    m_highWater = std::max(m_highWater, m_buffer.size());
    return m_buffer.size() < BufferBytes || flush();
}

bool ExportStream::flush()
{
    if (m_ok && !m_buffer.isEmpty())
        m_ok = m_out.write(m_buffer) == m_buffer.size();
    m_buffer.resize(0); // keeps the capacity: the next records fill the same buffer
    return m_ok;
}
