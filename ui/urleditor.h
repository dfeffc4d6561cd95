#pragma once

#include "input/urllist.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

/// Where the user pastes or types URLs, one per line. Bad lines are underlined in place with the reason as a
/// tooltip and listed below; the valid ones still run. Text files can be opened or dropped in.
class UrlEditor : public QWidget
{
    Q_OBJECT

public:
    explicit UrlEditor(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    void setRepeat(int repeat);
    int repeat() const;
    /// "{demo}" and the like, replaced before parsing.
    void setSubstitutions(const QHash<QString, QString> &substitutions);

    /// Parsed now, not after the typing pause.
    const UrlList &urlList();
    /// The valid URLs, repeated. Built once per parse and shared: a run of 100 000 asks for it at every
    /// settings change and again as it starts.
    QList<QUrl> urls();
    bool openFile(const QString &path, QString *error);

    QPlainTextEdit *editor() const { return m_editor; }
    QSpinBox *repeatBox() const { return m_repeat; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void urlsChanged(int validCount, int errorCount);

protected:
    /// The counts and the bad lines' reasons are said again in the new language.
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void reparse();
    void showErrors();

    QPlainTextEdit *m_editor;
    QSpinBox *m_repeat;
    QLabel *m_summary;
    QLabel *m_errors;
    QTimer *m_parseTimer;
    QHash<QString, QString> m_substitutions;
    UrlList m_list;
    std::optional<QList<QUrl>> m_repeated; // built by urls(), dropped by reparse()
    bool m_dirty = true;
};
