#include "headerredaction.h"

#include <array>

namespace HeaderRedaction {

bool isSecret(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 3> Secrets {"authorization", "proxy-authorization", "cookie"};
    for (const QByteArrayView secret : Secrets) {
        if (name.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString headerLines(const HeaderList &headers, bool keepSecrets)
{
    QString lines;
    for (const auto &[name, value] : headers) {
        lines += QString::fromLatin1(name) + QLatin1String(": ")
            + (!keepSecrets && isSecret(name) ? QString(Redacted) : QString::fromLatin1(value)) + u'\n';
    }
    return lines;
}

QUrl url(const QUrl &url, bool keepSecrets)
{
    if (keepSecrets || url.password().isEmpty())
        return url;
    QUrl redacted = url;
    redacted.setPassword(Redacted);
    return redacted;
}

} // namespace HeaderRedaction
