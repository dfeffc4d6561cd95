#include "sweepcurve.h"

#include <QSet>

#include "core/hostkey.h"

namespace {

QList<QUrl> urlsOf(const RunResult &run)
{
    QList<QUrl> urls;
    urls.reserve(run.records.size());
    for (const RequestRecord &record : run.records)
        urls.append(record.url);
    return urls;
}

} // namespace

bool SweepCurve::isSweep(const QList<RunResult> &runs)
{
    if (runs.size() < 2)
        return false;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunSettings &settings = runs[i].settings;
        if (settings.mode != RunMode::Limited || settings.crawl.enabled || runs[i].cancelled)
            return false;
        if (i > 0
            && (settings.limit <= runs[i - 1].settings.limit
                || runs[i].records.size() != runs[0].records.size()))
            return false;
    }
    return true;
}

SweepCurve SweepCurve::of(const QList<RunResult> &runs, const Prediction::LatencyOracle &latency)
{
    SweepCurve curve;
    for (const RunResult &run : runs) {
        Point point;
        point.k = run.settings.limit;
        point.wallNs = summarize(run).wallNs;
        const Prediction prediction = Prediction::of(urlsOf(run), run.settings, latency, run.capacityChanges);
        if (prediction.isKnown())
            point.predictedNs = prediction.makespanNs();
        curve.m_points.append(point);
    }
    if (curve.m_points.isEmpty())
        return curve;
    const RunResult &first = runs.constFirst();
    curve.m_urls = int(first.records.size());
    curve.m_perHost = first.settings.perHost;

    // Walking back from the largest k: the flat part is where no later point is FlatRatio faster.
    const qsizetype n = curve.m_points.size();
    qint64 fastestAfter = curve.m_points[n - 1].wallNs;
    curve.m_flat = int(n - 1);
    for (qsizetype i = n - 2; i >= 0; --i) {
        if (double(curve.m_points[i].wallNs) > FlatRatio * double(fastestAfter))
            break;
        curve.m_flat = int(i);
        fastestAfter = std::min(fastestAfter, curve.m_points[i].wallNs);
    }
    if (curve.m_flat == n - 1 && n > 1) {
        // Still falling at the last k; but when that k already covers every URL, no larger one can help.
        curve.m_why = curve.m_points[n - 1].k >= curve.m_urls ? Why::Urls : Why::None;
        return curve;
    }
    const int k = curve.m_points[curve.m_flat].k;
    QSet<HostKey> hosts;
    for (const RequestRecord &record : first.records)
        hosts.insert(HostKey::fromUrl(record.url));
    if (k >= curve.m_urls)
        curve.m_why = Why::Urls;
    else if (curve.m_perHost > 0 && k >= curve.m_perHost * int(hosts.size()))
        curve.m_why = Why::PerHost;
    else
        curve.m_why = Why::Server;
    return curve;
}

QString SweepCurve::whyText() const
{
    switch (m_why) {
    case Why::None:
        return tr("still getting faster at the largest k");
    case Why::Urls:
        return tr("k reached the number of URLs (%1): no request is left to start").arg(m_urls);
    case Why::PerHost:
        return tr("the per-host cap (%1 per host) holds the rest back").arg(m_perHost);
    case Why::Server:
        return tr("the server (or this machine) answers no faster: its own limit");
    }
    Q_UNREACHABLE();
}
