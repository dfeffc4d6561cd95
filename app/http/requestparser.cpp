#include "requestparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>
#include <limits>

#include <http_parser.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RequestParser", text);
}

} // namespace

QByteArray RequestHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

struct RequestParser::Callbacks
{
    static RequestParser &self(http_parser *parser) { return *static_cast<RequestParser *>(parser->data); }

    static void endHeader(RequestParser &p)
    {
        if (!p.m_field.isEmpty())
            p.m_head.headers.append({p.m_field, p.m_value.trimmed()});
        p.m_field.clear();
        p.m_value.clear();
        p.m_inValue = false;
    }

    static int onUrl(http_parser *parser, const char *at, size_t length)
    {
        self(parser).m_head.target.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderField(http_parser *parser, const char *at, size_t length)
    {
        RequestParser &p = self(parser);
        if (p.m_inValue)
            endHeader(p);
        p.m_field.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderValue(http_parser *parser, const char *at, size_t length)
    {
        RequestParser &p = self(parser);
        p.m_inValue = true;
        p.m_value.append(at, qsizetype(length));
        return 0;
    }
    static int onHeadersComplete(http_parser *parser)
    {
        RequestParser &p = self(parser);
        endHeader(p);
        p.m_headComplete = true;
        p.m_head.method = http_method_str(http_method(parser->method));
        p.m_head.versionMajor = parser->http_major;
        p.m_head.versionMinor = parser->http_minor;
        p.m_head.keepAlive = http_should_keep_alive(parser) != 0;
        p.m_head.upgrade = parser->upgrade != 0;
        // RFC 9112 6.3: a request whose Transfer-Encoding does not end in chunked has no length to find its
        // end by. http_parser refuses it only on the byte after the head, which the pause below never reads.
        p.m_unframedBody = parser->uses_transfer_encoding != 0 && (parser->flags & F_CHUNKED) == 0;
        p.m_head.hasBody = (parser->flags & F_CHUNKED) != 0
            || (parser->content_length > 0 && parser->content_length != ULLONG_MAX);
        // The number as parsed, not the field's text read again: http_parser accepts lengths up to about
        // 1.8e19, beyond what a qint64 holds, and those are refused below instead of read as 0.
        if ((parser->flags & F_CHUNKED) == 0 && (parser->flags & F_CONTENTLENGTH) != 0) {
            p.m_head.contentLength = parser->content_length > quint64(std::numeric_limits<qint64>::max())
                ? std::numeric_limits<qint64>::max()
                : qint64(parser->content_length);
            p.m_lengthOverflow = parser->content_length > quint64(std::numeric_limits<qint64>::max());
        }
        // The body is the caller's: stop here, whatever follows.
        http_parser_pause(parser, 1);
        return 0;
    }
    static int onBody(http_parser *parser, const char *at, size_t length)
    {
        RequestParser &p = self(parser);
        if (p.m_decoded)
            p.m_decoded->append(at, qsizetype(length));
        return 0;
    }
    static int onMessageComplete(http_parser *parser)
    {
        // Whatever follows is the next request's.
        self(parser).m_messageComplete = true;
        http_parser_pause(parser, 1);
        return 0;
    }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings s {};
            s.on_url = &onUrl;
            s.on_header_field = &onHeaderField;
            s.on_header_value = &onHeaderValue;
            s.on_headers_complete = &onHeadersComplete;
            s.on_body = &onBody;
            s.on_message_complete = &onMessageComplete;
            return s;
        }();
        return s;
    }
};

RequestParser::RequestParser(qsizetype maxHeadBytes, Upgrades upgrades)
    : m_parser(std::make_unique<http_parser>())
    , m_maxHeadBytes(maxHeadBytes)
    , m_upgrades(upgrades)
{
    reset();
}

RequestParser::~RequestParser() = default;

void RequestParser::reset()
{
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;
    m_head = {};
    m_field.clear();
    m_value.clear();
    m_inValue = false;
    m_headComplete = false;
    m_messageComplete = false;
    m_inBody = false;
    m_decoded = nullptr;
    m_tooLong = false;
    m_lengthOverflow = false;
    m_unframedBody = false;
    m_consumed = 0;
    m_seen = 0;
    m_error.clear();
    m_unsupportedMethod = false;
}

RequestParser::Result RequestParser::feed(QByteArrayView data)
{
    // Only what the cap still allows is parsed; a head that has not ended within it is refused.
    const qsizetype room = m_maxHeadBytes - m_seen;
    const qsizetype take = std::min(data.size(), std::max<qsizetype>(room, 0));
    const size_t parsed
        = http_parser_execute(m_parser.get(), &Callbacks::settings(), data.data(), size_t(take));
    m_seen += qsizetype(parsed);
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());

    if (m_headComplete) {
        // A pause reports the byte it stopped on as not parsed; the head ends after it.
        m_consumed = qsizetype(parsed) + (error == HPE_PAUSED ? 1 : 0);
        m_head.headBytes = m_seen + (error == HPE_PAUSED ? 1 : 0);
        if (m_parser->upgrade && m_head.method != "CONNECT" && m_upgrades == Upgrades::Refuse) {
            m_error = tr("Upgrade requests are not forwarded");
            m_unsupportedMethod = true;
            return Result::Error;
        }
        if (m_unframedBody) {
            m_error = tr("request body with a Transfer-Encoding other than chunked");
            return Result::Error;
        }
        if (m_lengthOverflow) {
            m_error = tr("Content-Length %1 is larger than any body can be")
                          .arg(QString::fromLatin1(m_head.header("Content-Length")));
            return Result::Error;
        }
        return Result::Complete;
    }
    if (error != HPE_OK) {
        if (error == HPE_INVALID_METHOD) {
            m_error = tr("unknown method");
            m_unsupportedMethod = true;
        } else {
            m_error = tr("malformed request: %1").arg(QString::fromLatin1(http_errno_description(error)));
        }
        return Result::Error;
    }
    if (take < data.size() || m_seen >= m_maxHeadBytes) {
        m_error = tr("request head longer than %1 bytes").arg(m_maxHeadBytes);
        m_tooLong = true;
        return Result::Error;
    }
    m_consumed = data.size();
    return Result::NeedMore;
}

RequestParser::Result RequestParser::feedBody(QByteArrayView data, QByteArray &decoded)
{
    if (!m_headComplete || !m_head.hasBody) {
        m_error = tr("no request body is expected here");
        return Result::Error;
    }
    if (m_messageComplete) {
        m_consumed = 0;
        return Result::Complete;
    }
    // http_parser takes no input as the end of the stream, which a body cannot end at.
    if (data.isEmpty()) {
        m_consumed = 0;
        return Result::NeedMore;
    }
    m_decoded = &decoded;
    if (!m_inBody) {
        // The parser paused on the head's final LF, which it reported as not parsed: it takes it again to
        // move on to the body.
        http_parser_pause(m_parser.get(), 0);
        http_parser_execute(m_parser.get(), &Callbacks::settings(), "\n", 1);
        m_inBody = true;
    }
    const size_t parsed
        = http_parser_execute(m_parser.get(), &Callbacks::settings(), data.data(), size_t(data.size()));
    m_decoded = nullptr;
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());
    if (m_messageComplete) {
        m_consumed = qsizetype(parsed);
        return Result::Complete;
    }
    if (error != HPE_OK) {
        m_error = tr("malformed request body: %1").arg(QString::fromLatin1(http_errno_description(error)));
        return Result::Error;
    }
    m_consumed = data.size();
    return Result::NeedMore;
}
