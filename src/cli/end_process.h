// How a command-line run ends: its output flushed and checked, then the process exits without
// taking apart what the command built.
#pragma once

#include "util/lang.h"

namespace nblint {

// Flushes standard output and standard error, then exits with `code`. A write to standard output
// that failed (a full disk, a closed file) is reported on standard error, and the exit status is
// then kExitTrouble: output that was lost is never a silent success.
//
// The exit runs no destructor, static ones included: the kernel takes back a process's memory
// at once, where freeing it piece by piece (the packs and their ICU patterns, the catalogue, the
// spare buffers of large reports) took about 3% of a `-j 2` run over the benchmark corpus, all of
// it on one thread after the last report (docs/benchmarks.md, sixteenth round). Nothing of
// nblint's needs a destructor at exit: temporary files have no name, and baselines are written
// (renamed into place) before the command returns. Builds with AddressSanitizer exit normally,
// so that LeakSanitizer still looks for leaks at exit.
[[noreturn]] void end_process(int code, Lang lang);

}  // namespace nblint
