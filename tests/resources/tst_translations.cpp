#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

// The Korean translation covers every string of the sources: lupdate reads them into a temporary .ts, and
// each must be in resources/translations/crawlscope_ko.ts, finished, with the same placeholders.

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation; // the first numerus form for %n texts
    QStringList forms; // every numerus form
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false; // a %n text, with a form for each plural
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false; // the message's translation is a list of numerus forms
    bool firstForm = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            messages.append({context, {}, {}, {}, {}, numerus});
        } else if (xml.name() == "source"_L1) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            messages.last().type = xml.attributes().value("type"_L1).toString();
            if (numerus)
                firstForm = true; // its numerusform elements follow
            else
                messages.last().translation = xml.readElementText();
        } else if (xml.name() == "numerusform"_L1) {
            const QString form = xml.readElementText();
            messages.last().forms.append(form);
            if (firstForm)
                messages.last().translation = form;
            firstForm = false;
        }
    }
    if (xml.hasError())
        *error = u"%1: %2 at line %3"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QString key(const Message &message)
{
    return message.context + u" \"" + message.source + u'"';
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    auto matches = QRegularExpression(u"%(\\d+|n)"_s).globalMatch(text);
    while (matches.hasNext())
        found.append(matches.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySourceStringIsTranslated();
    void translationsKeepTheirPlaceholders();
    void compiledTranslationIsEmbedded();
    void englishHasEveryPluralForm();
    void qtsOwnKoreanIsInstalled();
    void mergeScriptFillsIncomingStrings();

private:
    QList<Message> m_committed;
    QList<Message> m_sources;
};

void TestTranslations::initTestCase()
{
    QString error;
    m_committed = readTs(QStringLiteral(CRAWLSCOPE_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_committed.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(u"fresh_ko.ts"_s);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(CRAWLSCOPE_SOURCE_DIR));
    lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                  {u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"app"_s, u"ui"_s, u"-ts"_s, fresh});
    QVERIFY(lupdate.waitForFinished(120'000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    // lupdate warns about tr() it cannot place; such a string would silently never be translated.
    const QString warnings = QString::fromUtf8(lupdate.readAllStandardError());
    QVERIFY2(!warnings.contains(u"cannot be called without context"_s), qPrintable(warnings));
    QVERIFY2(!warnings.contains(u"lacks Q_OBJECT"_s), qPrintable(warnings));
    m_sources = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_sources.size() > 100);
}

void TestTranslations::everySourceStringIsTranslated()
{
    QHash<QString, Message> committed;
    for (const Message &message : std::as_const(m_committed))
        committed.insert(key(message), message);
    QStringList missing;
    QStringList unfinished;
    for (const Message &source : std::as_const(m_sources)) {
        const auto it = committed.constFind(key(source));
        if (it == committed.cend())
            missing.append(key(source));
        else if (!it->type.isEmpty() || it->translation.trimmed().isEmpty())
            unfinished.append(key(source) + u" (" + (it->type.isEmpty() ? u"empty"_s : it->type) + u')');
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 string(s) missing from crawlscope_ko.ts (run lupdate, then translate them; see "
                        "resources/translations/README.md):\n  "_s.arg(missing.size())
                        + missing.join(u"\n  "_s)));
    QVERIFY2(
        unfinished.isEmpty(),
        qPrintable(u"%1 string(s) unfinished or vanished in crawlscope_ko.ts:\n  "_s.arg(unfinished.size())
                   + unfinished.join(u"\n  "_s)));
}

void TestTranslations::translationsKeepTheirPlaceholders()
{
    QStringList wrong;
    for (const Message &message : std::as_const(m_committed)) {
        if (message.type == "vanished"_L1 || message.type == "obsolete"_L1)
            continue;
        if (placeholders(message.source) != placeholders(message.translation))
            wrong.append(key(message) + u" → \"" + message.translation + u'"');
        else if (message.source.endsWith(u'\n') != message.translation.endsWith(u'\n'))
            wrong.append(key(message) + u" (line end)");
        else if (message.source.contains(QRegularExpression(u"&[^& ]"_s))
                 && !message.translation.contains(QRegularExpression(u"&[^& ]"_s)))
            wrong.append(key(message) + u" (shortcut letter)");
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestTranslations::compiledTranslationIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/crawlscope_ko.qm"_s));
    QCOMPARE(translator.translate("MainWindow", "&File"), u"파일(&F)"_s);
    QCOMPARE(translator.translate("Cli", "Repeat the URL list N times."), u"URL 목록을 N번 반복합니다."_s);
    QCOMPARE(translator.translate("FrontierView", "%n fetched", nullptr, 3), u"%n개 가져옴"_s);
}

void TestTranslations::englishHasEveryPluralForm()
{
    // English is the source language; crawlscope_en.ts gives each %n text its singular and its plural, as
    // lupdate -pluralonly writes it: the sources' numerus texts.
    QList<Message> sources;
    std::copy_if(m_sources.cbegin(), m_sources.cend(), std::back_inserter(sources),
                 [](const Message &message) { return message.numerus; });
    QVERIFY(sources.size() > 10);
    QString error;
    QHash<QString, Message> committed;
    for (const Message &message : readTs(QStringLiteral(CRAWLSCOPE_PLURALS_TS_FILE), &error))
        committed.insert(key(message), message);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList wrong;
    for (const Message &source : sources) {
        const auto it = committed.constFind(key(source));
        if (it == committed.cend()) {
            wrong.append(key(source) + u" is missing"_s);
            continue;
        }
        if (!it->type.isEmpty() || it->forms.size() != 2)
            wrong.append(key(source) + u" is unfinished"_s);
        for (const QString &form : it->forms) {
            if (form.contains(u"(s)"_s) || placeholders(form) != placeholders(source.source)
                || form.endsWith(u'\n') != source.source.endsWith(u'\n'))
                wrong.append(key(source) + u" → \""_s + form + u'"');
        }
    }
    QVERIFY2(
        wrong.isEmpty(),
        qPrintable(u"crawlscope_en.ts (run lupdate -pluralonly; see resources/translations/README.md):\n  "_s
                   + wrong.join(u"\n  "_s)));

    QTranslator english;
    QVERIFY(english.load(u":/i18n/crawlscope_en.qm"_s));
    QCOMPARE(english.translate("UrlEditor", "%n valid URL(s)", nullptr, 1), u"%n valid URL"_s);
    QCOMPARE(english.translate("UrlEditor", "%n valid URL(s)", nullptr, 2), u"%n valid URLs"_s);
    QCOMPARE(english.translate("UrlEditor", "%n valid URL(s)", nullptr, 0), u"%n valid URLs"_s);
}

void TestTranslations::qtsOwnKoreanIsInstalled()
{
    // Standard dialogs (file dialogs, message box buttons) speak Korean only with Qt's own catalogue, from
    // the Debian package qt6-translations-l10n.
    QTranslator qt;
    QVERIFY2(qt.load(QLocale(QLocale::Korean), u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "qtbase_ko.qm not found: install the Debian package qt6-translations-l10n");
    QCOMPARE(qt.translate("QPlatformTheme", "Cancel"), u"취소"_s);
}

void TestTranslations::mergeScriptFillsIncomingStrings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ts = dir.filePath(u"crawlscope_ko.ts"_s);
    QFile out(ts);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Lesson</name>
    <message>
        <source>Waiting for a permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Two
lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
)");
    out.close();
    const QString tsv = dir.filePath(u"lesson.tsv"_s);
    QFile incoming(tsv);
    QVERIFY(incoming.open(QIODevice::WriteOnly));
    incoming.write("Lesson\tWaiting for a permit\t\xed\x97\x88\xea\xb0\x80 \xeb\x8c\x80\xea\xb8\xb0\n"
                   "Lesson\t%n request(s)\t\xec\x9a\x94\xec\xb2\xad %n\xea\xb0\x9c\n"
                   "Lesson\tTwo\\nlines\t\xeb\x91\x90\\n\xec\xa4\x84\n"
                   "Lesson\tNot in the file\t\xec\x97\x86\xec\x9d\x8c\n");
    incoming.close();

    QProcess merge;
    merge.start(QStringLiteral(CRAWLSCOPE_MERGE_SCRIPT), {u"--ts"_s, ts, tsv});
    QVERIFY(merge.waitForFinished(60'000));
    const QString errors = QString::fromUtf8(merge.readAllStandardError());
    QCOMPARE(merge.exitCode(), 1); // one line matched nothing, and says which
    QVERIFY2(errors.contains(u"lesson.tsv:4"_s) && errors.contains(u"Not in the file"_s), qPrintable(errors));

    QString error;
    const QList<Message> merged = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(merged.size(), 3);
    QCOMPARE(merged.at(0).translation, u"허가 대기"_s);
    QCOMPARE(merged.at(0).type, QString());
    QCOMPARE(merged.at(1).translation.trimmed(), u"요청 %n개"_s);
    QCOMPARE(merged.at(1).type, QString());
    QCOMPARE(merged.at(2).translation, u"두\n줄"_s);

    // lrelease takes the result.
    QProcess lrelease;
    lrelease.start(QStringLiteral(LRELEASE_EXECUTABLE), {ts, u"-qm"_s, dir.filePath(u"out.qm"_s)});
    QVERIFY(lrelease.waitForFinished(60'000));
    QCOMPARE(lrelease.exitCode(), 0);
    QTranslator translator;
    QVERIFY(translator.load(dir.filePath(u"out.qm"_s)));
    QCOMPARE(translator.translate("Lesson", "%n request(s)", nullptr, 2), u"요청 %n개"_s);

    // It writes as lupdate does: the committed file, merged with nothing, comes out byte for byte the same.
    const QString copy = dir.filePath(u"copy_ko.ts"_s);
    QVERIFY(QFile::copy(QStringLiteral(CRAWLSCOPE_TS_FILE), copy));
    const QString empty = dir.filePath(u"empty.tsv"_s);
    QFile none(empty);
    QVERIFY(none.open(QIODevice::WriteOnly));
    none.close();
    QProcess again;
    again.start(QStringLiteral(CRAWLSCOPE_MERGE_SCRIPT), {u"--ts"_s, copy, empty});
    QVERIFY(again.waitForFinished(60'000));
    QCOMPARE(again.exitCode(), 0);
    QFile original(QStringLiteral(CRAWLSCOPE_TS_FILE));
    QFile merged2(copy);
    QVERIFY(original.open(QIODevice::ReadOnly) && merged2.open(QIODevice::ReadOnly));
    QVERIFY(original.readAll() == merged2.readAll());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
