#include "hostcolours.h"

#include "timelinepalette.h"

int HostColours::slotOf(const QString &origin)
{
    const auto it = m_slots.constFind(origin);
    if (it != m_slots.cend())
        return it.value();
    const int slot = int(m_origins.size());
    m_slots.insert(origin, slot);
    m_origins.append(origin);
    return slot;
}

QColor HostColours::colour(int slot) const
{
    return TimelinePalette::hostColor(slot);
}

QColor HostColours::lightColour(int slot) const
{
    return TimelinePalette::hostLightColor(slot);
}

void HostColours::clear()
{
    m_origins.clear();
    m_slots.clear();
}
