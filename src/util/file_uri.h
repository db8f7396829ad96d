// file: URIs, both ways: the editor names documents by URI; nblint reads configuration by path
// and links rule pages by URI.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace nblint {

// The local path of a file URI ("file:///home/a/%E5%B9%B4%E6%8A%A5.txt" → "/home/a/年报.txt");
// nullopt for other schemes (untitled:, …) and for a URI naming another host.
std::optional<std::string> path_from_file_uri(std::string_view uri);

// "file://" + the absolute path, percent-encoding what a URI may not hold (non-ASCII stays
// UTF-8, an IRI as editors and SARIF accept).
std::string file_uri(std::string_view absolute_path);

}  // namespace nblint
