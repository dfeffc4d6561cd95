#pragma once

#include <QHeaderView>
#include <QTableView>

/// How the window's tables of requests look and select: compact sortable rows, one selected at a time.
/// The request table and the crawl's frontier share it, so the two read alike.
inline void setUpRequestTable(QTableView *table, int sortColumn)
{
    table->setSortingEnabled(true);
    table->sortByColumn(sortColumn, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(20);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    // A URL cut short keeps its end, where requests to one host differ ("http://127.0…/delay/1000"). Rows
    // are one line high, and with word wrap on Qt elides only at the right.
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
}
