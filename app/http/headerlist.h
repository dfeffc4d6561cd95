#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

/// A message's header fields as received: names and values in order, names as sent.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;
