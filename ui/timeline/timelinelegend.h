#pragma once

#include <QList>
#include <QWidget>

#include "timelinepalette.h"

/// The key to the timeline's colours: one swatch per phase and per outcome, drawn exactly as the bars are,
/// wrapping onto more lines when narrow. Coloured by host, the hosts take the place of the phase colours they
/// replace, the first few by name and the rest counted.
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxHosts = 6;

    struct Host
    {
        QString name;
        int slot = 0; // in HostColours
        friend bool operator==(const Host &, const Host &) = default;
    };

    explicit TimelineLegend(QWidget *parent = nullptr);

    /// No hosts: the phase colours. moreHosts are counted after the named ones; robots adds the robots.txt
    /// marker. True when that changed what the legend shows.
    bool setHosts(const QList<Host> &hosts, int moreHosts, bool robots);
    const QList<Host> &hosts() const { return m_hosts; }
    int moreHosts() const { return m_moreHosts; }

    /// At most this many pixels high (0: as high as the entries need): the entries that do not fit fold into
    /// a "more" entry that shows the whole legend when clicked, so a narrow or 200 % window keeps its rows.
    void setMaxHeight(int pixels);
    int maxHeight() const { return m_maxHeight; }
    /// Entries left out for lack of room; they are in the popup.
    int foldedCount() const;
    /// Opens the whole legend under this one.
    void showAll();

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Entry
    {
        TimelinePalette::Swatch swatch;
        int host = -1; // into m_hosts; swatch is then unused
        bool more = false; // the "+N more" text, without a swatch
        QString text;
        QRect swatchRect;
        QPoint textPos;
    };
    QList<Entry> layoutFor(int width, int *height) const;
    QList<Entry> wantedEntries() const;
    QList<Entry> place(const QList<Entry> &wanted, int width, int maxLines, int *height, int *placed) const;

    QList<Host> m_hosts;
    int m_moreHosts = 0;
    bool m_robots = false;
    int m_maxHeight = 0;
};
