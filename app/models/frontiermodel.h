#pragma once

#include "core/crawltypes.h"
#include "core/requestrecord.h"
#include "runmodelfollower.h"

#include <QAbstractTableModel>
#include <QHash>

#include <array>
#include <optional>
#include <vector>

class RunModel;

/// A crawl's frontier as one flat table over a RunModel: a row per request (pages, robots.txt requests and
/// retries, each in its state) followed by a row per URL the crawl found and did not request. It follows the
/// run live, inserting and updating only what each batch touched, and keeps the counts of a progress line.
class FrontierModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Id, // the request's id, blank for a skipped URL
        Url,
        State,
        Note, // what became of it: content type and links, redirect, error, or why it was skipped
        Status,
        Depth,
        Parent, // the URL of the page that linked (or redirected) here
        Host,
        Seen, // how often the crawl came across a skipped URL; 1 for a request
        Found, // ms from the run's start until it was queued or first skipped
        Count
    };
    Q_ENUM(Column)

    enum class State {
        Queued, // not yet through the gate
        Waiting, // through the gate, not yet handed to the network
        InFlight,
        Fetched, // a final status below 400
        Failed, // an HTTP error or no usable answer
        Cancelled,
        Skipped,
    };
    Q_ENUM(State)

    /// What a row stands for.
    enum class Kind {
        Page, // a page request, first attempt
        Retry, // a page request again after 429 or 503 (attempt 2 and up)
        Robots, // a host's robots.txt
        Skipped,
    };
    Q_ENUM(Kind)

    enum Role {
        SortRole = Qt::UserRole, // numbers as numbers, states in their enum order
        IdRole, // the record id, -1 for a skipped URL
        StateRole, // int(State)
        KindRole, // int(Kind)
        ReasonRole, // int(SkipReason) of a skipped URL, -1 for a request
    };

    /// The numbers of a progress line. Pages are requests of role Page; an attempt that was retried counts
    /// only through its retry, so a page answered 503 and then 200 is one fetched page.
    struct Counts
    {
        int fetched = 0;
        int failed = 0;
        int cancelled = 0;
        int inFlight = 0;
        int queued = 0; // queued or waiting: not yet issued
        int retries = 0; // requests that are attempt 2 or later
        int robots = 0; // robots.txt requests
        int skipped = 0; // skipped URLs, as rows: one URL found many times for one reason counts once
        std::array<int, SkipReasonCount> skippedBy {};
        int hosts = 0;

        friend bool operator==(const Counts &, const Counts &) = default;
    };

    explicit FrontierModel(QObject *parent = nullptr);

    /// Follows this run model (nullptr for none). The model is not owned.
    void setSource(RunModel *source);
    RunModel *source() const;

    const Counts &counts() const { return m_counts; }
    /// The row of a request, or -1.
    int rowOfRecord(int recordId) const;
    /// The row of the skipped URL at this position in RunResult::skipped.
    int rowOfSkipped(int skippedIndex) const { return m_recordRows + skippedIndex; }
    bool isSkippedRow(int row) const { return row >= m_recordRows; }

    /// SortRole's value of the Id, State and Found columns as a number, without a QVariant: a sort proxy
    /// compares these many times for each row a live crawl adds. Unset for other columns.
    std::optional<qint64> sortKey(int row, Column column) const;

    static State stateOf(const RequestRecord &record);
    static QString stateLabel(State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// counts() changed.
    void countsChanged();

private:
    struct RecordInfo
    {
        State state = State::Queued;
        int retriedBy = -1; // the next attempt at the same URL, once there is one
        int firstChild = -1; // the first new page request made from this one
        int children = 0; // new page requests made from this one (links followed, or a redirect's target)
    };

    void rebuild();
    void onRecordsInserted(int first, int last);
    void onRecordsChanged(int first, int last);
    void onCrawlChanged();
    void addRecord(const RequestRecord &record, QList<int> *touched);
    void indexAttempts(int end);
    void countRecord(int id, int delta);
    void recountSkipped();
    void emitRowsChanged(QList<int> rows);

    QVariant recordData(int row, Column column, int role) const;
    QVariant skippedData(int index, Column column, int role) const;
    QString recordNote(const RequestRecord &record) const;
    QString parentUrl(int parentId) const;

    RunModelFollower m_follower;
    int m_recordRows = 0;
    std::vector<RecordInfo> m_info; // by record id
    // a page URL -> its latest request; keyed by the records' own bytes, not a parsed QUrl a page
    QHash<StoredUrl, int> m_lastAttempt;
    bool m_attemptsIndexed = false; // m_lastAttempt is kept, since the first retry
    QList<SkippedUrl> m_skipped; // the source's, as last applied
    QList<CrawlHost> m_hosts;
    int m_orphanSkips = 0; // skipped rows whose parent request has not arrived yet
    Counts m_counts;
};
