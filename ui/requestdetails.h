#pragma once

#include "core/requestrecord.h"

#include <QTextBrowser>

#include <optional>

/// The selected request in full: URL, final URL, status, bytes, content type, every phase, and the error.
class RequestDetails : public QTextBrowser
{
    Q_OBJECT

public:
    explicit RequestDetails(QWidget *parent = nullptr);

    void showRecord(const RequestRecord &record);
    void clearRecord();

    static QString html(const RequestRecord &record);

protected:
    /// Said again in the new language.
    void changeEvent(QEvent *event) override;

private:
    std::optional<RequestRecord> m_record; // the one shown, if any
};
