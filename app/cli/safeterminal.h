#pragma once

#include <QIODevice>

#include <cstdio>

class QTextStream;

/// stderr for messages that may quote what a file or a server said: every control character but the
/// newline is written as an escape (ESC as \x1b, a C1 control as \u009b), so that a crafted URL list or
/// header cannot drive the terminal. Text is UTF-8, as QTextStream writes it.
class SafeTerminal : public QIODevice
{
public:
    explicit SafeTerminal(FILE *file);

    /// The process's stderr through a SafeTerminal; every CLI message goes here.
    static QTextStream &errors();

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_file;
    bool m_pendingC2 = false; // a 0xC2 lead byte whose continuation is in the next write
};
