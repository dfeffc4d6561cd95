#include "urleditor.h"

#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

class TestUrlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastingMarksBadLines();
    void repeatMultipliesTheList();
    void theRepeatedListIsBuiltOnceAndFollowsEveryChange();
    void openingAFileFillsTheEditor();
    void droppingAFileFillsTheEditor();
};

void TestUrlEditor::pastingMarksBadLines()
{
    UrlEditor editor;
    editor.setSubstitutions({{QStringLiteral("{demo}"), QStringLiteral("http://127.0.0.1:9")}});
    QSignalSpy changed(&editor, &UrlEditor::urlsChanged);
    editor.editor()->setFocus();
    editor.editor()->insertPlainText(QStringLiteral(
        "{demo}/delay/10\nftp://example.com/\n# comment\n\nhttps://example.org/a\nnot a url\n"));
    QTRY_VERIFY(!changed.isEmpty()); // parsed after the typing pause
    QCOMPARE(changed.last().at(0).toInt(), 2);
    QCOMPARE(changed.last().at(1).toInt(), 2);

    const auto &list = editor.urlList();
    QCOMPARE(list.errors.size(), 2);
    QCOMPARE(list.errors.at(0).line, 2);
    QCOMPARE(list.errors.at(1).line, 6);
    const auto selections = editor.editor()->extraSelections();
    QCOMPARE(selections.size(), 2);
    QCOMPARE(selections.at(0).cursor.block().blockNumber(), 1);
    QCOMPARE(selections.at(1).cursor.block().blockNumber(), 5);
    QVERIFY(editor.summaryLabel()->text().contains(QLatin1String("2 valid")));
    QCOMPARE(editor.urls().first(), QUrl(QStringLiteral("http://127.0.0.1:9/delay/10")));
}

void TestUrlEditor::repeatMultipliesTheList()
{
    UrlEditor editor;
    editor.setText(QStringLiteral("http://a.example/\nhttp://b.example/\n"));
    editor.repeatBox()->setValue(3);
    QCOMPARE(editor.urls().size(), 6);
    QCOMPARE(editor.urls().at(2), QUrl(QStringLiteral("http://a.example/")));
    QVERIFY(editor.summaryLabel()->text().contains(QLatin1String("6")));
}

void TestUrlEditor::theRepeatedListIsBuiltOnceAndFollowsEveryChange()
{
    UrlEditor editor;
    editor.setSubstitutions({{QStringLiteral("{demo}"), QStringLiteral("http://127.0.0.1:9")}});
    editor.setText(QStringLiteral("{demo}/a\n"));
    editor.repeatBox()->setValue(1000);
    const QList<QUrl> first = editor.urls();
    QCOMPARE(first.size(), 1000);
    // Asked again with nothing changed, it is the same list, not a second one built.
    QCOMPARE(editor.urls().constData(), first.constData());

    editor.repeatBox()->setValue(2);
    QCOMPARE(editor.urls().size(), 2);

    // Typed and asked for before the typing pause is over: the new text counts.
    editor.editor()->moveCursor(QTextCursor::End);
    editor.editor()->insertPlainText(QStringLiteral("{demo}/b\n"));
    QCOMPARE(editor.urls().size(), 4);
    QCOMPARE(editor.urls().at(1), QUrl(QStringLiteral("http://127.0.0.1:9/b")));

    editor.setSubstitutions({{QStringLiteral("{demo}"), QStringLiteral("http://127.0.0.1:10")}});
    QCOMPARE(editor.urls().at(3), QUrl(QStringLiteral("http://127.0.0.1:10/b")));
}

void TestUrlEditor::openingAFileFillsTheEditor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("urls.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("http://a.example/\nbad line\n");
    file.close();

    UrlEditor editor;
    QString error;
    QVERIFY(editor.openFile(path, &error));
    QCOMPARE(editor.urlList().urls.size(), 1);
    QCOMPARE(editor.urlList().errors.size(), 1);
    QVERIFY(!editor.openFile(dir.filePath(QStringLiteral("missing.txt")), &error));
    QVERIFY(error.contains(QLatin1String("missing.txt")));
}

void TestUrlEditor::droppingAFileFillsTheEditor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dropped.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("http://dropped.example/\n");
    file.close();

    UrlEditor editor;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&editor, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&editor, &drop);
    QCOMPARE(editor.urlList().urls.size(), 1);
    QCOMPARE(editor.urlList().urls.first().url, QUrl(QStringLiteral("http://dropped.example/")));
}

QTEST_MAIN(TestUrlEditor)
#include "tst_urleditor.moc"
