#pragma once

#include "core/requestrecord.h"

#include <QTextBrowser>

/// The selected request in full: URL, final URL, status, bytes, content type, every phase, and the error.
class RequestDetails : public QTextBrowser
{
    Q_OBJECT

public:
    explicit RequestDetails(QWidget *parent = nullptr);

    void showRecord(const RequestRecord &record);
    void clearRecord();

    static QString html(const RequestRecord &record);
};
