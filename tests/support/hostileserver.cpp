#include "hostileserver.h"

#include <QFile>
#include <QProcess>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/socket.h>
#include <zlib.h>

namespace {

QByteArray smallPage()
{
    return QByteArrayLiteral("<html><body><p>ok</p></body></html>");
}

} // namespace

HostileServer::HostileServer(Case hostileCase, QObject *parent)
    : QObject(parent)
    , m_case(hostileCase)
{ }

HostileServer::~HostileServer()
{
    // Its sockets go with it, and tell this object's members as they do.
    m_server.reset();
}

bool HostileServer::listen(const QHostAddress &address, QString *error)
{
    const bool tls = m_case == Case::TlsSelfSigned || m_case == Case::TlsExpired;
    if (m_case == Case::GzipBomb)
        gzipBomb(); // made now, so that its seconds of compressing do not pass for a slow server
    if (tls) {
        QSslCertificate certificate;
        QSslKey key;
        if (!makeCertificate(m_case == Case::TlsExpired, &certificate, &key, error))
            return false;
        auto server = std::make_unique<QSslServer>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        m_certificate = certificate;
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(configuration);
        // The handshake ends before the request is read: serve it only once it is encrypted.
        connect(server.get(), &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
        connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
    }
    if (!m_server->listen(address)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_address = address;
    return true;
}

QUrl HostileServer::url(const QString &path) const
{
    const bool tls = m_case == Case::TlsSelfSigned || m_case == Case::TlsExpired;
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_server ? m_server->serverPort() : 0);
    url.setPath(path);
    return url;
}

void HostileServer::accept(QTcpSocket *socket)
{
    ++m_connections;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    if (m_case == Case::CloseOnAccept) {
        socket->close();
        socket->deleteLater();
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void HostileServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const auto end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray target = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1);
    m_heads.append(buffer.left(end + 4));
    buffer.remove(0, end + 4);
    m_requests.append(target);
    Q_EMIT requestArrived(target);
    answer(socket, target);
}

void HostileServer::writeResponse(QTcpSocket *socket, int status, const QByteArray &headers,
                                  const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n" + headers + "\r\n" + body);
}

void HostileServer::reset(QTcpSocket *socket)
{
    // SO_LINGER with a zero timeout makes close() send a RST instead of a FIN.
    const struct linger hard
    {
        1, 0
    };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

void HostileServer::every(QTcpSocket *socket, std::function<bool()> step)
{
    auto *timer = new QTimer(socket);
    timer->setInterval(m_tickMs);
    connect(timer, &QTimer::timeout, socket, [timer, socket, step = std::move(step)] {
        if (socket->state() != QAbstractSocket::ConnectedState || !step())
            timer->stop();
    });
    timer->start();
}

void HostileServer::answer(QTcpSocket *socket, const QByteArray &target)
{
    const QByteArray html = QByteArrayLiteral("Content-Type: text/html; charset=utf-8\r\n");
    if (m_case == Case::Scripted) {
        socket->write(m_script ? m_script(m_heads.constLast()) : QByteArray());
        return;
    }
    if (target == "/ok" || (target == "/robots.txt" && m_case != Case::HugeRobots)) {
        writeResponse(socket, target == "/ok" ? 200 : 404, html, smallPage());
        return;
    }
    switch (m_case) {
    case Case::NeverAnswers:
    case Case::CloseOnAccept:
        return;
    case Case::Drip: {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                      + QByteArray::number(DripBodyBytes) + "\r\n\r\n");
        every(socket, [socket] { return socket->write("x", 1) == 1; });
        return;
    }
    case Case::ResetMidBody: {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n");
        socket->write(QByteArray(50'000, 'x'));
        socket->flush();
        // A tick later, so the client has read the half body and the reset lands mid-body.
        QTimer::singleShot(m_tickMs, socket, [socket] { reset(socket); });
        return;
    }
    case Case::Announces10GB: {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                      + QByteArray::number(10LL * 1024 * 1024 * 1024) + "\r\n\r\n");
        every(socket, [socket] { return socket->write(QByteArray(64 * 1024, '\0')) > 0; });
        return;
    }
    case Case::GzipBomb:
        writeResponse(socket, 200, "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n", gzipBomb());
        return;
    case Case::RedirectLoop: {
        const int next = target.mid(target.lastIndexOf('/') + 1).toInt() + 1;
        writeResponse(socket, 302, "Location: /loop/" + QByteArray::number(next) + "\r\n", {});
        return;
    }
    case Case::RedirectToFile:
        writeResponse(socket, 302, "Location: file:///etc/passwd\r\n", {});
        return;
    case Case::RedirectToFtp:
        writeResponse(socket, 302, "Location: ftp://127.0.0.1/x\r\n", {});
        return;
    case Case::RedirectToData:
        writeResponse(socket, 302, "Location: data:text/html,<p>hi</p>\r\n", {});
        return;
    case Case::HugeHeader: {
        QByteArray header = "X-Filler: ";
        header += QByteArray(m_headerBytes, 'a');
        header += "\r\n";
        writeResponse(socket, 200, html + header, smallPage());
        return;
    }
    case Case::Http10CloseDelimited:
        socket->write("HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + smallPage());
        socket->disconnectFromHost();
        return;
    case Case::InvalidUtf8:
        writeResponse(socket, 200, html, "<html><body>\xff\xfe <a href=\"/caf\xE9\">x</a></body></html>");
        return;
    case Case::WrongCharset:
        if (target == "/")
            writeResponse(socket, 200, "Content-Type: text/html; charset=iso-8859-1\r\n",
                          "<html><body><a href=\"/caf\xE9\">caf\xE9</a></body></html>");
        else
            writeResponse(socket, 200, html, smallPage());
        return;
    case Case::ManyLinks: {
        if (target != "/") {
            writeResponse(socket, 200, html, smallPage());
            return;
        }
        QByteArray body = "<html><body>";
        body.reserve(ManyLinksCount * 24);
        for (int i = 0; i < ManyLinksCount; ++i)
            body += "<a href=\"/p/" + QByteArray::number(i) + "\">x</a>";
        body += "</body></html>";
        writeResponse(socket, 200, html, body);
        return;
    }
    case Case::HugeRobots: {
        if (target != "/robots.txt") {
            writeResponse(socket, 200, html, smallPage());
            return;
        }
        QByteArray body = "User-agent: *\n";
        const QByteArray line = "Disallow: /private/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
        body.reserve(HugeRobotsBytes + line.size());
        while (body.size() < HugeRobotsBytes)
            body += line;
        writeResponse(socket, 200, "Content-Type: text/plain\r\n", body);
        return;
    }
    case Case::EndlessRetryAfter:
        writeResponse(socket, 503, "Retry-After: 1\r\n", {});
        return;
    case Case::Slowloris: {
        socket->write("HTTP/1.1 200 OK\r\n");
        auto line = std::make_shared<int>(0);
        every(socket, [socket, line] {
            return socket->write("X-Slow-" + QByteArray::number(++*line) + ": 1\r\n") > 0;
        });
        return;
    }
    case Case::Scripted:
        return;
    case Case::TlsSelfSigned:
    case Case::TlsExpired:
        writeResponse(socket, 200, html, smallPage());
        return;
    }
}

QByteArray HostileServer::gzipBomb()
{
    if (!m_gzipBomb.isEmpty())
        return m_gzipBomb;
    z_stream stream {};
    // 15 + 16: a gzip wrapper, as Content-Encoding: gzip says.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    const QByteArray zeros(1024 * 1024, '\0');
    QByteArray out(64 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written <= GzipBombBytes; written += zeros.size()) {
        const bool last = written == GzipBombBytes;
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.data()));
        stream.avail_in = last ? 0 : uInt(zeros.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            m_gzipBomb.append(out.constData(), out.size() - qsizetype(stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return m_gzipBomb;
}

bool HostileServer::makeCertificate(bool expired, QSslCertificate *certificate, QSslKey *key, QString *error)
{
    QTemporaryDir dir;
    const auto path = [&dir](const char *name) { return dir.filePath(QString::fromLatin1(name)); };
    const auto openssl = [&](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        if (process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0)
            return true;
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.value(0), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    };
    const QStringList subject {QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.2"),
                               QStringLiteral("-addext"),
                               QStringLiteral("subjectAltName=IP:127.0.0.2,DNS:localhost")};
    const QStringList newKey {QStringLiteral("-newkey"),
                              QStringLiteral("ec"),
                              QStringLiteral("-pkeyopt"),
                              QStringLiteral("ec_paramgen_curve:prime256v1"),
                              QStringLiteral("-nodes"),
                              QStringLiteral("-keyout"),
                              path("key.pem")};
    if (!expired) {
        if (!openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-days"),
                                  QStringLiteral("1"), QStringLiteral("-out"), path("cert.pem")}
                     + newKey + subject))
            return false;
    } else {
        // openssl req takes no dates in the past; openssl ca does, given a minimal CA of its own.
        QFile config(path("ca.cnf"));
        QFile index(path("index.txt"));
        QFile serial(path("serial"));
        if (!config.open(QIODevice::WriteOnly) || !index.open(QIODevice::WriteOnly)
            || !serial.open(QIODevice::WriteOnly))
            return false;
        config.write(
            "[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
            "default_md = sha256\npolicy = any\ncopy_extensions = copy\n[any]\ncommonName = supplied\n");
        serial.write("01\n");
        config.close();
        index.close();
        serial.close();
        if (!openssl(QStringList {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-out"),
                                  path("request.csr")}
                     + newKey + subject)
            || !openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                         path("ca.cnf"), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"),
                         path("key.pem"), QStringLiteral("-in"), path("request.csr"),
                         QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                         QStringLiteral("-enddate"), QStringLiteral("20200102000000Z"),
                         QStringLiteral("-out"), path("cert.pem")}))
            return false;
    }
    QFile keyFile(path("key.pem"));
    QFile certFile(path("cert.pem"));
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("openssl wrote no certificate");
        return false;
    }
    *key = QSslKey(keyFile.readAll(), QSsl::Ec);
    *certificate = QSslCertificate(certFile.readAll());
    return !key->isNull() && !certificate->isNull();
}
