#pragma once

#include "core/crawltypes.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QUrl>

/// Which URLs a crawl may follow, decided from its seed URLs: the same host, the same site (registrable
/// domain by the Public Suffix List) or any http(s) URL, narrowed further by include and exclude patterns.
class CrawlScope
{
    Q_DECLARE_TR_FUNCTIONS(CrawlScope)

public:
    using Kind = ScopeKind;

    /// Patterns are matched against the normalized URL as it is shown to the user (IDN hosts in Unicode).
    CrawlScope(const QList<QUrl> &seeds, Kind kind, const QList<QRegularExpression> &includes = {},
               const QList<QRegularExpression> &excludes = {});

    Kind kind() const { return m_kind; }

    bool inScope(const QUrl &url) const { return reasonOutOfScope(url).isEmpty(); }
    /// Why the URL is not followed, for the user; empty when it is in scope.
    QString reasonOutOfScope(const QUrl &url) const;

    /// The registrable domain of a host, in ACE form ("a.example.co.uk" -> "example.co.uk"); the host for IP
    /// addresses, single labels such as "localhost" and public suffixes.
    static QString registrableDomain(const QString &host);

private:
    Kind m_kind;
    QList<QRegularExpression> m_includes;
    QList<QRegularExpression> m_excludes;
    QSet<QString> m_hosts;
    QSet<QString> m_sites;
};
