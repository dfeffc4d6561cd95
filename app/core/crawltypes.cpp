#include "crawltypes.h"

#include <QStringLiteral>

namespace {

template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const QString &name, const std::array<Enum, N> &values, QString (*nameOf)(Enum))
{
    for (const Enum value : values) {
        if (nameOf(value) == name)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString scopeKindName(ScopeKind kind)
{
    switch (kind) {
    case ScopeKind::Host:
        return QStringLiteral("host");
    case ScopeKind::Site:
        return QStringLiteral("site");
    case ScopeKind::Any:
        return QStringLiteral("any");
    }
    Q_UNREACHABLE();
}

std::optional<ScopeKind> scopeKindFromName(const QString &name)
{
    return fromName(name, ScopeKinds, scopeKindName);
}

QString requestRoleName(RequestRole role)
{
    switch (role) {
    case RequestRole::Page:
        return QStringLiteral("page");
    case RequestRole::Robots:
        return QStringLiteral("robots");
    case RequestRole::Tunnel:
        return QStringLiteral("tunnel");
    }
    Q_UNREACHABLE();
}

std::optional<RequestRole> requestRoleFromName(const QString &name)
{
    return fromName(name, RequestRoles, requestRoleName);
}

QString skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::Robots:
        return QStringLiteral("robots");
    case SkipReason::Scope:
        return QStringLiteral("scope");
    case SkipReason::Depth:
        return QStringLiteral("depth");
    case SkipReason::Duplicate:
        return QStringLiteral("duplicate");
    case SkipReason::PageLimit:
        return QStringLiteral("page_limit");
    case SkipReason::Nofollow:
        return QStringLiteral("nofollow");
    case SkipReason::RedirectLimit:
        return QStringLiteral("redirect_limit");
    case SkipReason::Cancelled:
        return QStringLiteral("cancelled");
    }
    Q_UNREACHABLE();
}

std::optional<SkipReason> skipReasonFromName(const QString &name)
{
    return fromName(name, SkipReasons, skipReasonName);
}

QString skipReasonLabel(SkipReason reason)
{
    switch (reason) {
    case SkipReason::Robots:
        return QCoreApplication::translate("SkipReason", "robots.txt");
    case SkipReason::Scope:
        return QCoreApplication::translate("SkipReason", "out of scope");
    case SkipReason::Depth:
        return QCoreApplication::translate("SkipReason", "too deep");
    case SkipReason::Duplicate:
        return QCoreApplication::translate("SkipReason", "duplicate");
    case SkipReason::PageLimit:
        return QCoreApplication::translate("SkipReason", "page limit");
    case SkipReason::Nofollow:
        return QCoreApplication::translate("SkipReason", "nofollow");
    case SkipReason::RedirectLimit:
        return QCoreApplication::translate("SkipReason", "redirect limit");
    case SkipReason::Cancelled:
        return QCoreApplication::translate("SkipReason", "cancelled");
    }
    Q_UNREACHABLE();
}

QString robotsStatusName(RobotsStatus status)
{
    switch (status) {
    case RobotsStatus::Fetching:
        return QStringLiteral("fetching");
    case RobotsStatus::Parsed:
        return QStringLiteral("parsed");
    case RobotsStatus::AllowAll:
        return QStringLiteral("allow_all");
    case RobotsStatus::DisallowAll:
        return QStringLiteral("disallow_all");
    case RobotsStatus::Ignored:
        return QStringLiteral("ignored");
    }
    Q_UNREACHABLE();
}

std::optional<RobotsStatus> robotsStatusFromName(const QString &name)
{
    return fromName(name, RobotsStatuses, robotsStatusName);
}

bool isHtmlContentType(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    return type == u"text/html" || type == u"application/xhtml+xml";
}
