#pragma once

#include <QFont>
#include <QImage>
#include <QRegion>

#include <functional>
#include <utility>
#include <vector>

#include "timelineviewport.h"

class QPainter;
class RunModel;
class TimelineLayout;

/// The timeline's last painted frame. A repaint that changes nothing copies it; a replay moving forward
/// repaints only the columns from the previous cut on, plus the pixel rows of the requests whose look
/// changed behind it (a failure is drawn as going until it fails), because everything else of a dense
/// picture stays as it was. Anything else paints the whole frame again.
class TimelineFrameCache
{
public:
    /// What a painted frame depends on, apart from the replay's cut.
    struct Key
    {
        const TimelineLayout *layout = nullptr;
        quint64 generation = 0;
        TimelineViewport viewport;
        qint64 paletteKey = 0;
        int colorGroup = 0; // the palette's current group, which its cache key does not follow
        QFont font;
        bool showIdeal = false;
        const RunModel *selectedModel = nullptr;
        int selectedId = -1;
        qreal devicePixelRatio = 1;
        friend bool operator==(const Key &, const Key &) = default;
    };
    enum class Outcome { Painted, Patched, Copied };
    /// Paints the whole frame into the painter it is given; a clip set on it keeps what is patched.
    using PaintFrame = std::function<void(QPainter &painter)>;

    Outcome paint(QPainter &target, const Key &key, qint64 cutNs, const PaintFrame &paintFrame);
    void clear();

    int paintedCount() const { return m_painted; }
    int patchedCount() const { return m_patched; }
    int copiedCount() const { return m_copied; }

private:
    bool canPatch(const Key &key, qint64 cutNs) const;
    QRegion patchRegion(const Key &key, qint64 cutNs) const;
    void collectChanges(const TimelineLayout &layout);

    QImage m_image;
    Key m_key;
    qint64 m_cutNs = -1;
    bool m_valid = false;
    // Requests whose ending changes how their whole bar looks: (when it ends, track, row), by time.
    struct Change
    {
        qint64 atNs;
        int track;
        int row;
        friend bool operator<(const Change &a, const Change &b) { return a.atNs < b.atNs; }
    };
    std::vector<Change> m_changes;
    int m_painted = 0;
    int m_patched = 0;
    int m_copied = 0;
};
