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

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

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

    QList<Host> m_hosts;
    int m_moreHosts = 0;
    bool m_robots = false;
};
