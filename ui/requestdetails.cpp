#include "requestdetails.h"

#include "models/runmodel.h"

#include <QLocale>

namespace {

QString ms(qint64 ns)
{
    return ns < 0 ? QStringLiteral("—") : QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>").arg(name.toHtmlEscaped(), value);
}

} // namespace

RequestDetails::RequestDetails(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    clearRecord();
}

void RequestDetails::clearRecord()
{
    m_record.reset();
    setHtml(tr("<p style='color:gray'>Click a bar or a row to see the request in full.</p>"));
}

void RequestDetails::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_record)
            setHtml(html(*m_record));
        else
            clearRecord();
    }
    QTextBrowser::changeEvent(event);
}

void RequestDetails::showRecord(const RequestRecord &record)
{
    m_record = record;
    setHtml(html(record));
}

QString RequestDetails::html(const RequestRecord &record)
{
    QString text = QStringLiteral("<table cellspacing=2 cellpadding=1>");
    text += row(tr("Request"), QString::number(record.id));
    text += row(tr("URL"), record.url.toDisplayString().toHtmlEscaped());
    if (record.finalUrl.isValid() && record.finalUrl != record.url)
        text += row(tr("Final URL"), record.finalUrl.toDisplayString().toHtmlEscaped());
    text += row(tr("Outcome"), outcomeLabel(record.outcome));
    text += row(tr("Status"), record.status ? QString::number(record.status) : QStringLiteral("—"));
    text += row(tr("Bytes"), QLocale().toString(record.bytes));
    text += row(tr("Content type"), record.contentType.toString().toHtmlEscaped());
    text += row(tr("Redirects"), QString::number(record.redirects));
    if (!record.error.isEmpty())
        text += row(tr("Error"),
                    QStringLiteral("<span style='color:#b3261e'>%1</span>")
                        .arg(record.error.toString().toHtmlEscaped()));
    text += QStringLiteral("<tr><td colspan=2><hr></td></tr>");
    for (int m = 0; m < MarkCount; ++m) {
        const qint64 at = record.marks[std::size_t(m)];
        text += row(markLabel(Mark(m)), at < 0 ? tr("did not happen") : tr("at %1").arg(ms(at)));
    }
    text += QStringLiteral("<tr><td colspan=2><hr></td></tr>");
    const std::pair<RunModel::Column, QString> phases[] = {
        {RunModel::Column::Waiting, tr("Waiting for the gate")},
        {RunModel::Column::Connecting, tr("Connecting and sending")},
        {RunModel::Column::FirstByte, tr("Waiting for the first byte")},
        {RunModel::Column::Download, tr("Downloading")},
        {RunModel::Column::Delay, tr("Politeness delay")},
        {RunModel::Column::Total, tr("In flight")},
    };
    for (const auto &[column, name] : phases)
        text += row(name, ms(RunModel::phaseNs(record, column)));
    text += QStringLiteral("</table>");
    return text;
}
