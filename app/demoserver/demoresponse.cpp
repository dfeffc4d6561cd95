#include "demoresponse.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <iterator>

namespace {

struct Reason
{
    int status;
    const char *phrase;
};

// RFC 9110 section 15, plus the few registered codes clients commonly meet.
constexpr Reason Reasons[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Content"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

constexpr int PatternPeriod = 251; // prime, so the pattern never lines up with chunk or page sizes

} // namespace

QByteArray DemoResponse::head(bool close) const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Server: Crawlscope-demo\r\n";
    head += "Date: "
        + QLocale::c()
              .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
              .toLatin1()
        + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    // RFC 9110 8.6 forbids Content-Length on a 204.
    if (status != 204)
        head += "Content-Length: " + QByteArray::number(contentLength()) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}

DemoResponse DemoResponse::html(int status, const QString &title, const QString &content)
{
    DemoResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.body
        = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>\n"
                         "<body>\n<h1>%1</h1>\n%2\n</body></html>\n")
              .arg(title.toHtmlEscaped(), content)
              .toUtf8();
    return response;
}

DemoResponse DemoResponse::error(int status, const QString &message)
{
    return html(status, statusText(status), QStringLiteral("<p>%1</p>").arg(message.toHtmlEscaped()));
}

QByteArray DemoResponse::reasonPhrase(int status)
{
    const auto it = std::find_if(std::begin(Reasons), std::end(Reasons),
                                 [status](const Reason &reason) { return reason.status == status; });
    return it == std::end(Reasons) ? QByteArray() : QByteArray(it->phrase);
}

QString DemoResponse::statusText(int status)
{
    const QByteArray phrase = reasonPhrase(status);
    return phrase.isEmpty() ? QString::number(status)
                            : QString::number(status) + u' ' + QString::fromLatin1(phrase);
}

QByteArray DemoResponse::pattern(qint64 offset, qint64 size)
{
    Q_ASSERT(size >= 0 && size <= ChunkBytes);
    // One period longer than a chunk, so every chunk is a plain slice of it.
    static const QByteArray block = [] {
        QByteArray bytes(ChunkBytes + PatternPeriod, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i % PatternPeriod);
        return bytes;
    }();
    return block.mid(offset % PatternPeriod, size);
}
