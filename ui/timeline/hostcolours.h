#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>

/// Which colour each host gets on the timeline, shared by the rows, the legend and the in-flight strip so a
/// host looks the same everywhere and in every run shown. Hosts take TimelinePalette's host colours in the
/// order they are first registered and keep them until clear(), so a run streaming in never recolours a
/// host it has already drawn.
class HostColours
{
public:
    /// The host's colour slot, registering it if it is new.
    int slotOf(const QString &origin);
    /// -1 for a host never registered.
    int find(const QString &origin) const { return m_slots.value(origin, -1); }
    QColor colour(int slot) const;
    QColor lightColour(int slot) const; // the thin part of a bar, before the response

    /// Registered hosts, by slot.
    const QStringList &origins() const { return m_origins; }
    void clear();

private:
    QStringList m_origins;
    QHash<QString, int> m_slots;
};
