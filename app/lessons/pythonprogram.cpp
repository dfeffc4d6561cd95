#include "pythonprogram.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace {

// A comment line of the program ("# …", to be indented), in the UI language: the program is the lesson's,
// read in its classroom. The code and what it prints stay as the lesson has them.
QString comment(const char *text)
{
    // One line, whatever the catalogue says: a replay's marks count lines.
    return QStringLiteral("# ")
        + QCoreApplication::translate("PythonProgram", text).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

// A Python string literal for a URL (URLs are written fully encoded, so this is plain ASCII); an f-string on
// DEMO for one on the demo server.
QString literal(const QUrl &url, const QString &demoBase)
{
    QString text = QString::fromLatin1(url.toEncoded());
    const bool onDemo = !demoBase.isEmpty() && text.startsWith(demoBase)
        && (text.size() == demoBase.size() || text.at(demoBase.size()) == QLatin1Char('/'));
    if (onDemo)
        text = text.mid(demoBase.size());
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('"'), QLatin1String("\\\""));
    if (onDemo) {
        text.replace(QLatin1Char('{'), QLatin1String("{{"));
        text.replace(QLatin1Char('}'), QLatin1String("}}"));
        return QLatin1String("f\"{DEMO}") + text + QLatin1Char('"');
    }
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The URL list as the lesson writes it: ["http://example.com"] * 5 when it is one list repeated.
QStringList urlListLines(const QList<QUrl> &urls, const QString &demoBase)
{
    const qsizetype n = urls.size();
    qsizetype period = n;
    for (qsizetype p = 1; p < n; ++p) {
        if (n % p != 0)
            continue;
        bool repeats = true;
        for (qsizetype i = p; i < n && repeats; ++i)
            repeats = urls[i] == urls[i - p];
        if (repeats) {
            period = p;
            break;
        }
    }
    const qsizetype times = period > 0 ? n / period : 0;
    if (period == 1)
        return {QStringLiteral("URLS = [%1] * %2").arg(literal(urls.first(), demoBase)).arg(times)};
    QStringList lines {QStringLiteral("URLS = [")};
    for (qsizetype i = 0; i < period; ++i)
        lines << QStringLiteral("    %1,").arg(literal(urls[i], demoBase));
    lines << (times > 1 ? QStringLiteral("] * %1").arg(times) : QStringLiteral("]"));
    return lines;
}

QString seconds(int ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms % 1000 == 0 ? 1 : 3);
}

// Collects the program line by line, remembering where the lines a replay points at are.
class Writer
{
public:
    void line(const QString &text = {}) { m_lines << text; }
    void lines(const QStringList &texts) { m_lines << texts; }
    void marked(PythonProgram::Step step, const QString &text)
    {
        m_lines << text;
        m_marks[int(step)] = int(m_lines.size());
    }
    QString text() const { return m_lines.join(QLatin1Char('\n')) + QLatin1Char('\n'); }
    int mark(PythonProgram::Step step) const { return m_marks[int(step)]; }

private:
    QStringList m_lines;
    int m_marks[4] = {0, 0, 0, 0};
};

// The URL list, after the demo server's address where it is used.
void writeUrls(Writer &w, const QList<QUrl> &urls, const QString &demoBase)
{
    if (!demoBase.isEmpty()) {
        // One sentence a line, so that each translates whole.
        w.line(
            comment(QT_TRANSLATE_NOOP("PythonProgram", "The demo server: `crawlscope serve-demo --port %1`."))
                .arg(QUrl(demoBase).port(80)));
        w.line(
            comment(QT_TRANSLATE_NOOP("PythonProgram", "`crawlscope capture --demo` starts one for you.")));
        w.line(QStringLiteral("DEMO = os.environ.get(\"CRAWLSCOPE_DEMO\", \"%1\")").arg(demoBase));
    }
    w.lines(urlListLines(urls, demoBase));
}

void writeSequential(Writer &w, const QList<QUrl> &urls, const RunSettings &settings, const QString &demoBase)
{
    using Step = PythonProgram::Step;
    const QString timeout = seconds(settings.timeoutMs);
    w.line(comment(QT_TRANSLATE_NOOP("PythonProgram",
                                     "One request at a time: the run takes the sum of the latencies.")));
    if (!demoBase.isEmpty())
        w.line(QStringLiteral("import os"));
    w.line(QStringLiteral("import time"));
    w.line();
    w.line(QStringLiteral("import requests"));
    w.line();
    writeUrls(w, urls, demoBase);
    w.line();
    w.line();
    w.line(QStringLiteral("def fetch_page(url):"));
    w.line(QStringLiteral("    print(f\"Fetching {url}...\")"));
    w.marked(Step::Request, QStringLiteral("    response = requests.get(url, timeout=%1)").arg(timeout));
    w.line(QStringLiteral("    print(f\"Finished {url}\")"));
    w.line(QStringLiteral("    return response.text"));
    w.line();
    w.line();
    w.line(QStringLiteral("def main_sync():"));
    w.line(QStringLiteral("    start_time = time.time()"));
    w.line(QStringLiteral("    for url in URLS:"));
    w.line(QStringLiteral("        fetch_page(url)"));
    if (settings.delayMs > 0) {
        w.line(QStringLiteral("        ")
               + comment(QT_TRANSLATE_NOOP("PythonProgram",
                                           "Be a good web citizen: wait before the next request.")));
        w.marked(Step::Sleep, QStringLiteral("        time.sleep(%1)").arg(seconds(settings.delayMs)));
    }
    w.line(QStringLiteral("    duration = time.time() - start_time"));
    w.line(QStringLiteral("    print(f\"Sequential version took {duration:.2f} seconds.\")"));
    w.line();
    w.line();
    w.line(QStringLiteral("if __name__ == \"__main__\":"));
    w.line(QStringLiteral("    main_sync()"));
}

void writeAsync(Writer &w, const QList<QUrl> &urls, const RunSettings &settings, const QString &demoBase)
{
    using Step = PythonProgram::Step;
    const bool limited = settings.mode == RunMode::Limited;
    const bool perHost = settings.perHost > 0;
    const int gate = settings.gateCapacity();
    // httpx pools 100 connections by default; a gather or a semaphore wider than that would secretly wait for
    // the pool, which the run does not.
    const int widest = gate > 0 ? gate : int(urls.size());
    const bool widenPool = widest > 100 && (!perHost || settings.perHost > 100);

    if (limited)
        w.line(comment(QT_TRANSLATE_NOOP("PythonProgram",
                                         "At most %1 requests at once: the run takes about n/%1 rounds."))
                   .arg(gate));
    else
        w.line(comment(QT_TRANSLATE_NOOP("PythonProgram",
                                         "Every request at once: the run takes about the longest latency.")));
    w.line(QStringLiteral("import asyncio"));
    if (!demoBase.isEmpty())
        w.line(QStringLiteral("import os"));
    w.line(QStringLiteral("import time"));
    if (perHost) {
        w.line(QStringLiteral("from collections import defaultdict"));
        w.line(QStringLiteral("from urllib.parse import urlsplit"));
    }
    w.line();
    w.line(QStringLiteral("import httpx"));
    w.line();
    writeUrls(w, urls, demoBase);
    w.line();
    w.line();

    const QString name
        = limited ? QStringLiteral("fetch_with_semaphore") : QStringLiteral("fetch_page_async");
    QString indent = QStringLiteral("    ");
    if (limited) {
        w.line(QStringLiteral("async def %1(").arg(name));
        w.line(QStringLiteral("    semaphore: asyncio.Semaphore,"));
        if (perHost)
            w.line(QStringLiteral("    host_semaphores: dict,"));
        w.line(QStringLiteral("    client: httpx.AsyncClient,"));
        w.line(QStringLiteral("    url: str,"));
        w.line(QStringLiteral("):"));
        w.line(
            QStringLiteral("    ")
            + comment(QT_TRANSLATE_NOOP("PythonProgram", "Waits here until one of the %1 permits is free."))
                  .arg(gate));
        w.marked(Step::WaitForPermit, QStringLiteral("    async with semaphore:"));
        indent += QStringLiteral("    ");
    } else {
        w.line(QStringLiteral("async def %1(%2client: httpx.AsyncClient, url: str):")
                   .arg(name, perHost ? QStringLiteral("host_semaphores: dict, ") : QString()));
    }
    QString inner = indent;
    if (perHost) {
        w.line(indent
               + comment(QT_TRANSLATE_NOOP("PythonProgram",
                                           "And until its host has one of its %1 connections free."))
                     .arg(settings.perHost));
        w.marked(Step::WaitForHost,
                 indent + QStringLiteral("async with host_semaphores[urlsplit(url).netloc]:"));
        inner += QStringLiteral("    ");
    }
    w.line(inner + QStringLiteral("print(f\"Fetching {url}...\")"));
    w.marked(Step::Request, inner + QStringLiteral("response = await client.get(url)"));
    w.line(inner + QStringLiteral("print(f\"Finished {url}\")"));
    if (settings.delayMs > 0) {
        w.line(indent
               + comment(limited ? QT_TRANSLATE_NOOP(
                             "PythonProgram", "Be a good web citizen: the permit is held through the pause.")
                                 : QT_TRANSLATE_NOOP("PythonProgram",
                                                     "Be a good web citizen: pause after the response.")));
        w.marked(Step::Sleep,
                 indent + QStringLiteral("await asyncio.sleep(%1)").arg(seconds(settings.delayMs)));
    }
    w.line(indent + QStringLiteral("return response.text"));
    w.line();
    w.line();

    w.line(QStringLiteral("async def main_async():"));
    if (limited)
        w.line(QStringLiteral("    semaphore = asyncio.Semaphore(%1)").arg(gate));
    if (perHost)
        w.line(QStringLiteral("    host_semaphores = defaultdict(lambda: asyncio.Semaphore(%1))")
                   .arg(settings.perHost));
    QString client = QStringLiteral("httpx.AsyncClient(timeout=%1)").arg(seconds(settings.timeoutMs));
    if (widenPool) {
        w.line(QStringLiteral("    ")
               + comment(QT_TRANSLATE_NOOP("PythonProgram", "httpx pools 100 connections by default.")));
        w.line(QStringLiteral("    ")
               + comment(QT_TRANSLATE_NOOP("PythonProgram",
                                           "Without this, more than 100 at once would secretly "
                                           "wait for the pool, like a semaphore of 100.")));
        w.line(QStringLiteral(
            "    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)"));
        client
            = QStringLiteral("httpx.AsyncClient(timeout=%1, limits=limits)").arg(seconds(settings.timeoutMs));
    }
    w.line(QStringLiteral("    async with %1 as client:").arg(client));
    // Setting up the client (its TLS context above all) is not the requests' time: the clock starts after.
    w.line(QStringLiteral("        start_time = time.time()"));
    QStringList arguments;
    if (limited)
        arguments << QStringLiteral("semaphore");
    if (perHost)
        arguments << QStringLiteral("host_semaphores");
    arguments << QStringLiteral("client") << QStringLiteral("url");
    w.line(QStringLiteral("        tasks = [%1(%2) for url in URLS]")
               .arg(name, arguments.join(QLatin1String(", "))));
    w.line(QStringLiteral("        await asyncio.gather(*tasks)"));
    w.line(QStringLiteral("        duration = time.time() - start_time"));
    w.line(QStringLiteral("    print(f\"%1 version took {duration:.2f} seconds.\")")
               .arg(limited ? QStringLiteral("Semaphore") : QStringLiteral("Gather")));
    w.line();
    w.line();
    w.line(QStringLiteral("if __name__ == \"__main__\":"));
    w.line(QStringLiteral("    asyncio.run(main_async())"));
}

} // namespace

PythonProgram PythonProgram::generate(const QList<QUrl> &urls, const RunSettings &settings,
                                      const QUrl &demoBase)
{
    // Only when the program uses it: a program of other servers' URLs does not mention the demo server.
    QString base
        = demoBase.isValid() ? QString::fromLatin1(demoBase.toEncoded(QUrl::StripTrailingSlash)) : QString();
    if (!base.isEmpty() && std::none_of(urls.cbegin(), urls.cend(), [&](const QUrl &url) {
            return QString::fromLatin1(url.toEncoded()).startsWith(base);
        }))
        base.clear();
    Writer writer;
    if (settings.mode == RunMode::Sequential)
        writeSequential(writer, urls, settings, base);
    else
        writeAsync(writer, urls, settings, base);
    PythonProgram program;
    program.m_text = writer.text();
    for (int step = 0; step < 4; ++step)
        program.m_lines[step] = writer.mark(Step(step));
    return program;
}

int PythonProgram::lineOf(Step step) const
{
    return m_lines[int(step)];
}
