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
/// picture stays as it was. A live run's next frame is patched the same way while its rows stay put: the
/// columns from the previous "now" on, the headers, and the rows the layout noted as damaged. Anything else
/// paints the whole frame again.
class TimelineFrameCache
{
public:
    /// What a painted frame depends on, apart from the replay's cut.
    struct Key
    {
        const TimelineLayout *layout = nullptr;
        quint64 generation = 0;
        quint64 structure = 0; // TimelineLayout::structure()
        int damageCount = 0; // TimelineLayout::damageCount()
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
    /// Paints the frame into the painter it is given; a clip set on it keeps what is patched, and columns
    /// left of fromX need not be drawn (they are outside that clip).
    using PaintFrame = std::function<void(QPainter &painter, int fromX)>;

    /// Draws the frame for key into target, which is clipped to `shown` (the paint event's region): only
    /// that much of a changed frame reaches the screen; unshown() keeps the rest for the next paint.
    Outcome paint(QPainter &target, const Key &key, qint64 cutNs, const PaintFrame &paintFrame,
                  const QRegion &shown);
    /// What a paint for key would change on screen (in logical pixels): nothing when it copies the frame,
    /// the patch when it patches, everything when it paints afresh; and what earlier paints left unshown. A
    /// view updates this region only, so the screen is not copied whole at every tick.
    QRegion pendingRegion(const Key &key, qint64 cutNs) const;
    /// Changed in the frame by a paint, but outside the region that paint was shown in.
    const QRegion &unshown() const { return m_unshown; }
    void clear();

    int paintedCount() const { return m_painted; }
    int patchedCount() const { return m_patched; }
    int copiedCount() const { return m_copied; }

private:
    bool canPatch(const Key &key, qint64 cutNs) const;
    // fromX: the leftmost column of the region apart from the headers, which are painted whole anyway.
    QRegion patchRegion(const Key &key, qint64 cutNs, int &fromX) const;
    bool canPatchLive(const Key &key, qint64 cutNs) const;
    QRegion livePatchRegion(const Key &key, int &fromX) const;
    void addRowStrip(QRegion &region, const Key &key, int track, int firstRow, int lastRow) const;
    void collectChanges(const TimelineLayout &layout);

    QImage m_image;
    QRegion m_unshown;
    Key m_key;
    qint64 m_cutNs = -1;
    qint64 m_liveNowNs = -1; // the earliest "now" of the live runs painted, or -1
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
