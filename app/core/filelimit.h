#pragma once

/// The process's open files: a run of thousands of connections needs thousands of descriptors, and so does
/// the demo server that answers them.
namespace FileLimit {

/// Descriptors the table is grown to hold at once (or the hard limit, if lower): a gather of a few
/// thousand, with the demo server's end of each connection in the same process.
inline constexpr int TableSize = 16384;

/// Once per process, later calls do nothing: raises the soft RLIMIT_NOFILE to the hard limit, and grows the
/// descriptor table to TableSize entries. The kernel grows the table by doubling, and while the process has
/// more than one thread each doubling waits for an RCU grace period, milliseconds each, that a gather's
/// first thousand connects would otherwise pay in the middle of being timed. Call it before any thread
/// starts (main does); later it still saves all but one of the waits.
void raise();

} // namespace FileLimit
