#include "proxyenvironment.h"

#include <QDir>

namespace ProxyEnvironment {

QStringList variableNames()
{
    return {QStringLiteral("http_proxy"), QStringLiteral("HTTP_PROXY"), QStringLiteral("https_proxy"),
            QStringLiteral("HTTPS_PROXY"), QStringLiteral("ALL_PROXY")};
}

void apply(QProcessEnvironment &environment, const QUrl &proxy)
{
    const QString value = proxy.toString(QUrl::FullyEncoded);
    for (const QString &name : variableNames())
        environment.insert(name, value);
    environment.remove(QStringLiteral("no_proxy"));
    environment.remove(QStringLiteral("NO_PROXY"));
}

QString bashLines(const QUrl &proxy)
{
    const QString value = proxy.toString(QUrl::FullyEncoded);
    QStringList assignments;
    for (const QString &name : variableNames())
        assignments << name + u'=' + value;
    return QStringLiteral("export %1; unset no_proxy NO_PROXY").arg(assignments.join(u' '));
}

QString powerShellLines(const QUrl &proxy)
{
    const QString value = proxy.toString(QUrl::FullyEncoded);
    QStringList lines;
    for (const QString &name : variableNames())
        lines << QStringLiteral("$env:%1 = \"%2\"").arg(name, value);
    lines << QStringLiteral("Remove-Item Env:no_proxy, Env:NO_PROXY -ErrorAction SilentlyContinue");
    return lines.join(QLatin1String("; "));
}

QString cmdLines(const QUrl &proxy)
{
    // cmd's variable names are not case-sensitive: one of each pair is enough, and the other would repeat it.
    const QString value = proxy.toString(QUrl::FullyEncoded);
    return QStringLiteral("set http_proxy=%1 & set https_proxy=%1 & set ALL_PROXY=%1 & set no_proxy=")
        .arg(value);
}

QString tracerLines(const QString &tracerDirectory, const QString &socketName)
{
    return QStringLiteral("export PYTHONPATH=%1${PYTHONPATH:+:$PYTHONPATH} CRAWLSCOPE_TRACE=%2; "
                          "python3 -m crawlscope_trace prog.py")
        .arg(QDir::toNativeSeparators(tracerDirectory), socketName);
}

} // namespace ProxyEnvironment
