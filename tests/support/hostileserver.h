#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QTimer;

/// A loopback server that plays one hostile case on every connection, for the hardening tests (issue 13).
/// It drives time with QTimers only, so a test waits on signals and never sleeps. It listens on its own
/// loopback address (127.0.0.2 by default), so a healthy host on 127.0.0.1 in the same run is a different
/// HostKey, and a request to it shows whether the hostile one held it back.
///
/// The healthy paths of every case ("/ok" and, for a crawl, "/robots.txt" unless the case is the robots
/// one) answer a small page at once, so one case can also be crawled.
class HostileServer : public QObject
{
    Q_OBJECT

public:
    enum class Case {
        NeverAnswers, // reads the request, answers nothing, keeps the connection open
        Drip, // a 200 with a body of a million bytes, one byte per tick
        ResetMidBody, // half of the announced body, then a TCP reset
        Announces10GB, // Content-Length: 10 GB, then zeros at a trickle
        GzipBomb, // Content-Encoding: gzip, 100 MB of zeros in about 100 KB
        RedirectLoop, // /loop/N -> /loop/N+1, forever
        RedirectToFile, // 302 to file:///etc/passwd
        RedirectToFtp, // 302 to ftp://127.0.0.1/x
        RedirectToData, // 302 to data:text/html,...
        HugeHeader, // a header of headerBytes() bytes before the body
        Http10CloseDelimited, // HTTP/1.0, no Content-Length, the body ends when the server closes
        InvalidUtf8, // declared UTF-8, holds invalid bytes and links /caf\xE9
        WrongCharset, // declared ISO-8859-1, links /caf\xE9
        ManyLinks, // "/" links to 200 000 pages
        HugeRobots, // a 10 MB robots.txt
        EndlessRetryAfter, // 503 with Retry-After: 1, every time
        CloseOnAccept, // closes the connection as soon as it is accepted
        Slowloris, // a 200 status line, then one header line per tick, never ending the header
        TlsSelfSigned, // HTTPS with a self-signed certificate made by the test
        TlsExpired, // HTTPS with an expired certificate made by the test
        Scripted, // answers what setScript() says
    };
    Q_ENUM(Case)

    static constexpr int ManyLinksCount = 200'000;
    static constexpr qint64 HugeRobotsBytes = 10LL * 1024 * 1024;
    static constexpr qint64 GzipBombBytes = 100LL * 1024 * 1024;
    static constexpr qint64 DripBodyBytes = 1'000'000;

    explicit HostileServer(Case hostileCase, QObject *parent = nullptr);
    ~HostileServer() override;

    /// Starts listening on address:0; false (with the reason) when it cannot, e.g. no openssl for TLS.
    bool listen(const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.2")),
                QString *error = nullptr);
    /// The time one tick of a dripping case stands for.
    void setTickMs(int ms) { m_tickMs = ms; }
    void setHeaderBytes(qint64 bytes) { m_headerBytes = bytes; }
    /// For Case::Scripted: the whole raw response to a request, from its head (request line and headers).
    using Script = std::function<QByteArray(const QByteArray &head)>;
    void setScript(Script script) { m_script = std::move(script); }
    qint64 headerBytes() const { return m_headerBytes; }

    Case hostileCase() const { return m_case; }
    /// The TLS cases' certificate (for 127.0.0.2 and localhost), for a test that trusts it to see a handshake
    /// succeed.
    QSslCertificate certificate() const { return m_certificate; }
    QUrl url(const QString &path = QStringLiteral("/")) const;
    /// Connections accepted so far.
    int connections() const { return m_connections; }
    /// Request targets in the order they arrived, and their whole heads.
    const QList<QByteArray> &requests() const { return m_requests; }
    const QList<QByteArray> &heads() const { return m_heads; }

    /// Makes a certificate and key with `openssl req` (through QProcess), valid or already expired.
    static bool makeCertificate(bool expired, QSslCertificate *certificate, QSslKey *key, QString *error);

Q_SIGNALS:
    void requestArrived(const QByteArray &target);

private:
    void accept(QTcpSocket *socket);
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &target);
    /// Calls step on every tick until it returns false or the socket goes.
    void every(QTcpSocket *socket, std::function<bool()> step);
    static void writeResponse(QTcpSocket *socket, int status, const QByteArray &headers,
                              const QByteArray &body);
    static void reset(QTcpSocket *socket);
    QByteArray gzipBomb();

    Case m_case;
    std::unique_ptr<QTcpServer> m_server;
    QHostAddress m_address;
    int m_tickMs = 1000;
    qint64 m_headerBytes = 8LL * 1024 * 1024;
    int m_connections = 0;
    QList<QByteArray> m_requests;
    QList<QByteArray> m_heads;
    Script m_script;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_gzipBomb;
    QSslCertificate m_certificate;
};
