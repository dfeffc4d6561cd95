#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QTabWidget>

#include <array>

#include "core/runresult.h"

class QBarCategoryAxis;
class QChart;
class QChartView;
class QValueAxis;

/// The comparison of runs at a glance, one tab per chart: requests in flight over time, how long requests
/// took, and each run's total time next to its ideal. Styled to go on a slide, and each chart exports on its
/// own (also from its context menu) to PNG, JPEG, SVG or PDF.
class SummaryCharts : public QTabWidget
{
    Q_OBJECT

public:
    enum class Chart {
        InFlight,
        Durations,
        Totals,
    };
    static constexpr int ChartCount = 3;
    /// The size a chart is exported at while the widget is not on screen: 16:9, like a slide.
    static constexpr QSize OffscreenExportSize {1024, 576};

    explicit SummaryCharts(QWidget *parent = nullptr);

    /// Replaces every chart's series; call again whenever the runs change. While the charts are not on
    /// screen the series are built when they are first looked at (shown, exported, or chartView()), so the
    /// end of a big run does not stall the window for charts nobody is looking at.
    void setRuns(const QList<RunResult> &runs);
    const QList<RunResult> &runs() const { return m_runs; }

    /// The chart, its series up to date.
    QChartView *chartView(int index) const;
    QChartView *inFlightView() const { return chartView(int(Chart::InFlight)); }
    QChartView *durationsView() const { return chartView(int(Chart::Durations)); }
    QChartView *totalsView() const { return chartView(int(Chart::Totals)); }

    /// The size exportChart() renders a chart at: as on screen, the shown tab's size for a hidden tab, and
    /// OffscreenExportSize while the widget is not shown at all.
    QSize exportSize(int index) const;
    /// Renders one chart by the file's extension: .png or .jpg at exportSize() times scale, .svg or .pdf. The
    /// file is replaced only once it is complete; on failure error names the file and says why.
    bool exportChart(int index, const QString &path, QString *error, double scale = 1.0);

    /// How the charts are sized to the space they have: text scale, ticks per axis, histogram bins.
    struct Sizing
    {
        double text = 1.0;
        int verticalTicks = 6;
        int horizontalTicks = 6;
        int bins = 8;
        bool axisTitles = true;
        bool titles = true;
        bool shortBinLabels = false; // each bin by where it starts
        bool legend = true;
        friend bool operator==(const Sizing &, const Sizing &) = default;
    };
    static Sizing sizingFor(QSize size);
    const Sizing &sizing() const { return m_sizing; }
    /// Export Chart… with a dialog starting in the shared export folder.
    void exportWithDialog(int index);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void ensureBuilt() const;
    QChartView *addChartView(Chart chart, const QString &tabName, const QString &title);
    void updateInFlight();
    void updateDurations();
    void updateTotals();
    void showContextMenu(int index, const QPoint &globalPos);
    void applySizing(const Sizing &sizing);

    QList<RunResult> m_runs;
    mutable bool m_stale = false; // m_runs changed and the series were not rebuilt yet
    std::array<QChartView *, ChartCount> m_views {};
    QValueAxis *m_inFlightTime = nullptr;
    QValueAxis *m_inFlightCount = nullptr;
    QBarCategoryAxis *m_durationBins = nullptr;
    QValueAxis *m_durationCount = nullptr;
    QBarCategoryAxis *m_totalRuns = nullptr;
    QValueAxis *m_totalTime = nullptr;
    Sizing m_sizing;
    std::array<QString, ChartCount> m_titles;
};
