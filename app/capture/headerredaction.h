#pragma once

#include "http/headerlist.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

/// What a capture keeps of a client's request: the headers as "Name: value" lines and the URL, with the
/// values that carry credentials (Authorization, Proxy-Authorization, Cookie, a URL's password) replaced,
/// so no export of the run leaks them unless the user asked to keep them.
namespace HeaderRedaction {

inline constexpr QLatin1StringView Redacted {"[redacted]"};

bool isSecret(QByteArrayView name);
QString headerLines(const HeaderList &headers, bool keepSecrets);
QUrl url(const QUrl &url, bool keepSecrets);

} // namespace HeaderRedaction
