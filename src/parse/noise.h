// Finds publishing noise in a source: pinyin annotations (given by the normalizer), U+FFFD
// replacement characters (undecodable bytes or already in the text), and mojibake (UTF-8 read
// as Windows-1252, 锟斤拷, a GBK decoder's '?' with the text out of step after it). One NoiseRun
// per kind per line.
#pragma once
#include <string_view>
#include <vector>

#include "model/report.h"
#include "parse/noise_blocks.h"

namespace nblint {

// `form`: well_formed only when `source` is known to be well-formed UTF-8 (it is then not checked
// again); ill-formed bytes are noise (U+FFFD) either way.
std::vector<NoiseRun> find_noise(std::string_view source, const std::vector<Span>& pinyin_removed,
                                 SourceForm form = SourceForm::unchecked);

}  // namespace nblint
