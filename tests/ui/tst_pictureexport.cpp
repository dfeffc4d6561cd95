#include "pictureexport.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Pictures of the timeline for slides: the right kind of file, the right size, and something drawn on it.
class TestPictureExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pngHasTheScaledSizeAndIsNotBlank();
    void jpegHasTheScaledSizeOnWhite();
    void svgIsAnSvgDocument();
    void pdfIsAPdf();
    void writeRunsWritesEachKind();
    void writeRunsRefusesOtherTypes();
    void anEmptyPictureIsAnErrorAndNoFile();
    void failedWriteLeavesNoFile();

private:
    static QList<RunResult> lesson();
};

QList<RunResult> TestPictureExport::lesson()
{
    // The lesson's comparison by hand: 3 runs of 5 requests of 1 s.
    QList<RunResult> runs;
    for (auto mode : {RunMode::Sequential, RunMode::Gather, RunMode::Limited}) {
        RunResult run;
        run.runId = int(runs.size());
        run.settings.mode = mode;
        run.startedAt = QDateTime::currentDateTimeUtc();
        const int slots = run.settings.gateCapacity() == 0 ? 5 : run.settings.gateCapacity();
        for (int i = 0; i < 5; ++i) {
            RequestRecord record;
            record.id = i;
            record.mode = mode;
            record.url = QUrl(QStringLiteral("http://127.0.0.1:8080/delay/1000"));
            const qint64 start = (i / slots) * 1'000'000'000LL;
            record.set(Mark::Queued, 0);
            record.set(Mark::GateAcquired, start);
            record.set(Mark::Issued, start);
            record.set(Mark::RequestSent, start + 1'000'000);
            record.set(Mark::FirstByte, start + 999'000'000);
            record.set(Mark::Finished, start + 1'000'000'000);
            record.status = 200;
            record.outcome = Outcome::Ok;
            run.records.append(record);
            run.endNs = std::max(run.endNs, record.at(Mark::Finished));
        }
        runs.append(run);
    }
    return runs;
}

void TestPictureExport::pngHasTheScaledSizeAndIsNotBlank()
{
    const QByteArray png = PictureExport::renderRuns(lesson(), PictureExport::Kind::Png, 2.0, 1200);
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(image.width(), 2400);
    QVERIFY(image.height() >= 2 * 360);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 10, "the picture is (nearly) blank");
}

void TestPictureExport::jpegHasTheScaledSizeOnWhite()
{
    const QByteArray jpeg = PictureExport::renderRuns(lesson(), PictureExport::Kind::Jpeg, 2.0, 1200);
    QImage image;
    QVERIFY(image.loadFromData(jpeg, "JPEG"));
    QCOMPARE(image.width(), 2400);
    QVERIFY(image.height() >= 2 * 360);
    QVERIFY(!image.hasAlphaChannel());
    QVERIFY(qGray(image.pixel(0, 0)) > 245); // the page's white
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 10, "the picture is (nearly) blank");
}

void TestPictureExport::svgIsAnSvgDocument()
{
    const QByteArray svg = PictureExport::renderRuns(lesson(), PictureExport::Kind::Svg, 1.0, 1200);
    QXmlStreamReader xml(svg);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QStringLiteral("svg"));
    QVERIFY(svg.contains("<rect") || svg.contains("<path"));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
}

void TestPictureExport::pdfIsAPdf()
{
    const QByteArray pdf = PictureExport::renderRuns(lesson(), PictureExport::Kind::Pdf, 1.0, 1200);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 2000);
}

void TestPictureExport::writeRunsWritesEachKind()
{
    QTemporaryDir dir;
    QString error;
    for (const auto &extension : PictureExport::extensions()) {
        const QString path = dir.filePath(QStringLiteral("lesson") + extension);
        QVERIFY2(PictureExport::writeRuns(lesson(), path, 2.0, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() > 1000);
        // Each is the format its extension names, read back by its signature.
        const QByteArray head = file.read(5);
        if (extension == QLatin1String(".png"))
            QVERIFY(head.startsWith("\x89PNG"));
        else if (extension == QLatin1String(".jpg") || extension == QLatin1String(".jpeg"))
            QVERIFY(head.startsWith("\xFF\xD8\xFF"));
        else if (extension == QLatin1String(".pdf"))
            QCOMPARE(head, QByteArray("%PDF-"));
        else
            QVERIFY(head.startsWith("<?xml") || head.startsWith("<svg"));
    }
    QCOMPARE(PictureExport::extensions(),
             (QStringList {QStringLiteral(".png"), QStringLiteral(".jpg"), QStringLiteral(".jpeg"),
                           QStringLiteral(".svg"), QStringLiteral(".pdf")}));
}

void TestPictureExport::anEmptyPictureIsAnErrorAndNoFile()
{
    // What paint() gives when the image cannot be made, or when Qt lacks the format's plugin.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.jpg"));
    QString error;
    QVERIFY(!PictureExport::writePicture(path, {}, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(PictureExport::writePicture(path, QByteArray("\xFF\xD8\xFF"), &error));
    QVERIFY(QFile::exists(path));
}

void TestPictureExport::writeRunsRefusesOtherTypes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QString error;
    QVERIFY(!PictureExport::writeRuns(lesson(), path, 1.0, &error));
    QVERIFY2(error.contains(QLatin1String("lesson.json")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestPictureExport::failedWriteLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/lesson.png"));
    QString error;
    QVERIFY(!PictureExport::writeRuns(lesson(), path, 2.0, &error));
    QVERIFY2(error.contains(QLatin1String("lesson.png")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestPictureExport)
#include "tst_pictureexport.moc"
