#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

/// How a program is pointed at the capture proxy: the variables httpx, requests, aiohttp (with
/// trust_env=True), curl and most other clients read, and the lines to paste into each shell.
namespace ProxyEnvironment {

/// http_proxy, HTTP_PROXY, https_proxy, HTTPS_PROXY, ALL_PROXY.
QStringList variableNames();
/// Sets every variable to proxy and removes no_proxy/NO_PROXY, which would let 127.0.0.1 bypass it.
void apply(QProcessEnvironment &environment, const QUrl &proxy);

QString bashLines(const QUrl &proxy);
QString powerShellLines(const QUrl &proxy);
QString cmdLines(const QUrl &proxy);
/// PYTHONPATH and the way to start a program under the tracer, for bash.
QString tracerLines(const QString &tracerDirectory, const QString &socketName);

} // namespace ProxyEnvironment
