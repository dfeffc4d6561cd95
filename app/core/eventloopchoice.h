#pragma once

class QProcessEnvironment;

/// Which event loop Qt gives each thread, chosen before the QCoreApplication exists and before any thread
/// starts.
///
/// Qt's default on Linux is GLib's main loop. Its wake-up writes the loop's eventfd for every event posted,
/// even one a thread posts to itself (each reply's deleteLater()), where Qt's own Unix loop writes once until
/// the loop has run. A run of ten thousand requests a second posts several events a request, to the GUI
/// thread and to QNAM's network threads, so that is tens of thousands of system calls a second: on the
/// 2-core machine in bench/RESULTS.md, W3 took 2.7 % longer with GLib's loop in every thread than with Qt's
/// in all, and Qt's loop in the network threads alone saved 1.1 %.
///
/// A variable the user has set (QT_NO_GLIB, QT_NO_THREADED_GLIB) is left as it is.
namespace EventLoopChoice {

/// For the command line: Qt's Unix loop in every thread. Nothing there needs GLib's.
void forCommandLine();
/// For the window: GLib's loop stays on the GUI thread, where a GTK platform theme runs its native dialogs
/// on it; every other thread (QNAM's, the journal's, the parsers') gets Qt's own.
void forWindow();
/// Removes from a child's environment what forCommandLine() or forWindow() set, so that a program Crawlscope
/// starts (`crawlscope capture -- python3 lesson.py`) gets the environment it would have had. What the
/// desktop opens for us (Help's links, through QDesktopServices) inherits them: a browser ignores them, and
/// a Qt program would only make the same choice.
void removeFrom(QProcessEnvironment &environment);

} // namespace EventLoopChoice
